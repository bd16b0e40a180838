"""The protocol endpoints' HTTP: a Starlette request read into the server's request (on the
event loop, before authlib runs in its thread), and the server's answer as a response, in
RFC 6749's own shape (what OAuth client libraries read), never the platform's error shape."""

from typing import Annotated
from urllib.parse import parse_qs

from fastapi import Depends, Request, Response
from fastapi.responses import JSONResponse

from internal_api.dependencies import Settings
from internal_api.oauth.server import Answer, PlatformAuthorizationServer, PlatformRequest
from shared.utilities.app import RedisClient

FORM = "application/x-www-form-urlencoded"


def authorization_server(settings: Settings, redis: RedisClient) -> PlatformAuthorizationServer:
    return PlatformAuthorizationServer(settings, redis)


Server = Annotated[PlatformAuthorizationServer, Depends(authorization_server)]


def query_parameters(request: Request) -> dict[str, list[str]]:
    return parse_qs(request.url.query, keep_blank_values=True)


async def oauth_request(request: Request, issuer: str) -> PlatformRequest:
    """The request as the client addressed it: the issuer's URL, whatever hops it came by."""
    form: dict[str, list[str]] = {}
    if request.headers.get("content-type", "").split(";")[0].strip() == FORM:
        body = (await request.body()).decode("utf-8", errors="replace")
        form = parse_qs(body, keep_blank_values=True)
    uri = issuer + request.url.path
    return PlatformRequest(request.method, uri, request.headers, query_parameters(request), form)


def response(answer: Answer) -> Response:
    headers = {name: value for name, value in answer.headers if name.lower() != "content-type"}
    if isinstance(answer.body, dict):
        return JSONResponse(answer.body, answer.status, headers=headers)
    return Response(answer.body, answer.status, headers=headers)
