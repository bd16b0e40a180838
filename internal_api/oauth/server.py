"""The platform's authorization server: authlib's, with the platform's grants, endpoints and
token format, fed requests read from Starlette and answering plain (status, body, headers).

authlib's flows are synchronous and call back into the store; the server runs each flow in a
worker thread (`run`) and each store call on the event loop (`wait`), so authlib drives the
protocol unchanged and MongoDB and Redis are used from their own loop."""

import functools
from collections import defaultdict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, TypeVar

import anyio.from_thread
import anyio.to_thread
from authlib.oauth2.rfc6749 import AuthorizationServer, OAuth2Payload, OAuth2Request
from authlib.oauth2.rfc6750 import BearerTokenGenerator
from redis.asyncio import Redis

from internal_api.oauth import issuing
from internal_api.oauth.endpoints import Introspection, Revocation
from internal_api.oauth.grants import AuthorizationCodeGrant, PkceS256, RefreshTokenGrant
from internal_api.oauth.protocol import Client, Installer
from internal_api.oauth.scopes import SCOPES_SUPPORTED
from internal_api.oauth.settings import OAuthSettings
from shared.domain.oauth.credentials import (
    ACCESS_TOKEN_PREFIX,
    REFRESH_TOKEN_PREFIX,
    new_credential,
)

T = TypeVar("T")
Params = Mapping[str, list[str]]


class Payload(OAuth2Payload):
    def __init__(self, params: Params) -> None:
        self._datalist = defaultdict(list, {name: list(values) for name, values in params.items()})

    @property
    def data(self) -> dict[str, str]:
        return {name: values[0] for name, values in self._datalist.items() if values}

    @property
    def datalist(self) -> defaultdict[str, list]:
        return self._datalist


class PlatformRequest(OAuth2Request):
    """An OAuth request as authlib reads it, its parameters read beforehand (the body is read
    on the event loop, authlib reads it in its thread)."""

    def __init__(
        self, method: str, uri: str, headers: Mapping[str, str], query: Params, form: Params
    ) -> None:
        super().__init__(method, uri, headers=headers)
        self._query, self._form = Payload(query), Payload(form)
        self.payload = Payload({**query, **form})

    @property
    def args(self) -> dict[str, str]:
        return self._query.data

    @property
    def form(self) -> dict[str, str]:
        return self._form.data


@dataclass(frozen=True)
class Answer:
    status: int
    body: dict | str
    headers: list[tuple[str, str]] = field(default_factory=list)

    def header(self, name: str) -> str | None:
        return next((value for key, value in self.headers if key.lower() == name), None)


class TokenIssuer(BearerTokenGenerator):
    """Opaque tokens behind their prefixes; the answer names the account the app acts in."""

    def __init__(self, access_seconds: int) -> None:
        super().__init__(
            access_token_generator=lambda **_: new_credential(ACCESS_TOKEN_PREFIX),
            refresh_token_generator=lambda **_: new_credential(REFRESH_TOKEN_PREFIX),
            expires_generator=access_seconds,
        )

    def generate(self, grant_type, client, user=None, scope=None, *args, **options) -> dict:
        token = super().generate(grant_type, client, user, scope, *args, **options)
        if isinstance(user, Installer):
            token["account_id"] = str(user.account_id)
        return token


class PlatformAuthorizationServer(AuthorizationServer):
    def __init__(self, settings: OAuthSettings, redis: Redis) -> None:
        super().__init__(scopes_supported=SCOPES_SUPPORTED)
        self.redis = redis
        self.code_lifetime = timedelta(seconds=settings.oauth_code_seconds)
        self.refresh_lifetime = timedelta(days=settings.oauth_refresh_token_days)
        self.register_token_generator("default", TokenIssuer(settings.oauth_access_token_seconds))
        self.register_grant(AuthorizationCodeGrant, [PkceS256()])
        self.register_grant(RefreshTokenGrant)
        self.register_endpoint(Revocation)
        self.register_endpoint(Introspection)

    async def run(self, flow: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """One of authlib's flows, in a worker thread."""
        return await anyio.to_thread.run_sync(functools.partial(flow, *args, **kwargs))

    def wait(self, store_call: Callable[..., Any], *args: Any) -> Any:
        """From authlib's thread: a store call run on the event loop, awaited."""
        return anyio.from_thread.run(store_call, *args)

    def query_client(self, client_id: str) -> Client | None:
        return self.wait(issuing.client, client_id)

    def save_token(self, token: dict, request: OAuth2Request) -> None:
        self.wait(issuing.store_token, token, request.client, request.user, self.refresh_lifetime)

    def create_oauth2_request(self, request: PlatformRequest) -> PlatformRequest:
        return request  # read from Starlette beforehand (internal_api.oauth.http)

    def create_json_request(self, request: Any) -> Any:
        raise NotImplementedError("the platform takes no JSON OAuth requests")

    def handle_response(self, status: int, body: Any, headers: Any) -> Answer:
        return Answer(status, body, list(headers))

    def send_signal(self, name: str, *args: Any, **kwargs: Any) -> None:
        """No one listens to authlib's signals."""
