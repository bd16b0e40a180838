"""`GET /v1/auth/exchange`: a session exchanged for a token without proxying, for Traefik.

In production Traefik's forwardAuth calls it before each request, with the request's headers
and `X-Forwarded-Method` / `X-Forwarded-Uri`, and copies `Authorization` onto the request it
passes on; any other answer (401, 429) goes back to the client as it is.
"""

from typing import Annotated
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Header, Request, Response

from router.access import Gate
from router.bearer import bearer_credential
from shared.domain.accounts.errors import AccountDeleted, AccountSuspended
from shared.utilities.errors import InvalidInput, RateLimited, Unauthorized, error_responses
from shared.utilities.impersonation import ImpersonationReadOnly
from shared.utilities.proxy import client_ip

router = APIRouter(tags=["auth"])

PATH = "/v1/auth/exchange"


def get_gate(request: Request) -> Gate:
    return request.app.state.gate


@router.get(
    PATH,
    summary="Exchange a session for a token (Traefik forwardAuth)",
    description="200 with `Authorization: Bearer <JWT>` for a live session; 200 without it for "
    "a public route (named by X-Forwarded-Method and X-Forwarded-Uri) without one; 403 for a "
    "session acting in a suspended or deleted account, but on the routes that leave it; 403 "
    "`impersonation_read_only` for a write of an operator's read-only view as a user. "
    "Without a session, a third party's `Authorization: Bearer` access token or API key is "
    "exchanged the same way.",
    responses=error_responses(
        Unauthorized,
        AccountSuspended,
        AccountDeleted,
        ImpersonationReadOnly,
        RateLimited,
        InvalidInput,
    ),
)
async def exchange(
    request: Request,
    gate: Annotated[Gate, Depends(get_gate)],
    x_session_id: Annotated[str, Header()] = "",
    x_forwarded_method: Annotated[str, Header()] = "",
    x_forwarded_uri: Annotated[str, Header()] = "",
    authorization: Annotated[str, Header()] = "",
) -> Response:
    admission = await gate.admit(
        x_forwarded_method or request.method,
        forwarded_path(x_forwarded_uri) or request.url.path,
        x_session_id,
        client_ip(request.scope, request.app.state.settings.trusted_proxies),
        bearer_credential(authorization.encode("latin-1")),
    )
    headers = admission.response_headers()
    if admission.authorization:
        headers["authorization"] = admission.authorization.decode()
    return Response(status_code=200, headers=headers)


def forwarded_path(uri: str) -> str:
    """The path of the URI Traefik names; a URI that does not parse is the caller's error."""
    try:
        return urlsplit(uri).path
    except ValueError:
        raise InvalidInput(
            "X-Forwarded-Uri is not a URI.",
            details=[{"field": "x-forwarded-uri", "message": "not a URI"}],
            location="header",
        ) from None
