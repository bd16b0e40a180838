"""Dependencies the internal API's routes share."""

from typing import Annotated

from fastapi import Depends, Request

from internal_api.auth.passwords import PasswordHashing
from internal_api.auth.service import Client, SignIn
from internal_api.settings import InternalApiSettings
from shared.utilities.app import RedisClient
from shared.utilities.proxy import client_ip


def get_settings(request: Request) -> InternalApiSettings:
    return request.app.state.settings


def get_client(request: Request) -> Client:
    """Who is on the other end, as far as it is worth recording on a session: the address
    behind our own proxies (TRUSTED_PROXIES), never one a client wrote into X-Forwarded-For."""
    ip = client_ip(request.scope, request.app.state.settings.trusted_proxies)
    return Client(user_agent=request.headers.get("user-agent", "")[:512], ip=ip)


Settings = Annotated[InternalApiSettings, Depends(get_settings)]
ClientInfo = Annotated[Client, Depends(get_client)]


def signing_in(
    client: ClientInfo, redis: RedisClient, settings: Settings, passwords: PasswordHashing
) -> SignIn:
    return SignIn(client, redis, settings, passwords)


# Who asks and what checking their password and starting a session take.
SigningIn = Annotated[SignIn, Depends(signing_in)]
