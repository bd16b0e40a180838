"""Dependencies the internal API's routes share."""

from typing import Annotated

from fastapi import Depends, Request

from internal_api.auth.service import Client
from internal_api.settings import InternalApiSettings


def get_settings(request: Request) -> InternalApiSettings:
    return request.app.state.settings


def get_client(request: Request) -> Client:
    """Who is on the other end, as far as it is worth recording on a session."""
    # The gateway and the router each append to x-forwarded-for, so the first entry is the
    # browser's address.
    forwarded_for = request.headers.get("x-forwarded-for", "")
    ip = forwarded_for.split(",")[0].strip() or (request.client.host if request.client else "")
    return Client(user_agent=request.headers.get("user-agent", "")[:512], ip=ip)


Settings = Annotated[InternalApiSettings, Depends(get_settings)]
ClientInfo = Annotated[Client, Depends(get_client)]
