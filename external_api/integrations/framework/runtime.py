"""The framework's objects for one running app: per provider its HTTP client, credential store,
OAuth flow and token keeper, made in the app's lifespan (`integrations_lifespan`)."""

from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import timedelta

import httpx
from fastapi import FastAPI
from redis.asyncio import Redis

from external_api.integrations.framework.credentials import CredentialStore
from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import OAuthFlow
from external_api.integrations.framework.provider import Listing, PlatformProvider, Provider
from external_api.integrations.framework.state import StateKeeper
from external_api.integrations.framework.tokens import ApiKeyHttp, OAuthHttp, TokenKeeper, bearer
from external_api.settings import ExternalApiSettings
from shared.utilities.encryption import SecretBox, configured_box
from shared.utilities.errors import NotFound
from shared.utilities.upstream import http_client


@dataclass
class Integrations:
    settings: ExternalApiSettings
    redis: Redis
    box: SecretBox
    providers: dict[str, Provider]
    http: dict[str, ProviderHttp] = field(default_factory=dict)
    # What the catalogue lists besides `providers`: the platform's own, and every known one.
    platform: Sequence[PlatformProvider] = ()
    listings: Sequence[Listing] = ()

    def provider(self, name: str) -> Provider:
        if name not in self.providers:
            raise NotFound(f"No integration is called {name}.")
        return self.providers[name]

    def store(self, name: str) -> CredentialStore:
        return CredentialStore(self.provider(name), self.box)

    def flow(self, name: str) -> OAuthFlow:
        provider = self.provider(name)
        if provider.oauth is None:
            raise NotFound(f"{provider.title} connects with an API key, not OAuth.")
        return provider.oauth(self.settings, self.http[name])

    def keeper(self, name: str) -> TokenKeeper:
        skew = timedelta(seconds=self.settings.token_refresh_skew_seconds)
        return TokenKeeper(self.store(name), self.flow(name), self.redis, skew)

    def states(self) -> StateKeeper:
        return StateKeeper(self.box, self.redis, self.settings.oauth_state_seconds)

    def connected_http(self, name: str, account_id: str) -> OAuthHttp | ApiKeyHttp:
        """Calls as the account's connection to the provider."""
        provider = self.provider(name)
        if provider.api_key:
            return ApiKeyHttp(self.http[name], self.store(name), account_id, provider.api_key.apply)
        authorize = provider.authorize or bearer
        return OAuthHttp(self.http[name], self.keeper(name), account_id, authorize)

    def redirect_uri(self, name: str) -> str:
        """The dashboard's page the provider sends the browser back to: it posts the code and
        state to `POST /v1/e/<name>/auth/complete` with the user's session."""
        return f"{self.settings.dashboard_url.rstrip('/')}/integrations/{name}/callback"


def integrations_lifespan(
    providers: Sequence[Provider],
    transport: httpx.AsyncBaseTransport | None = None,
    sleep: Callable[[float], Awaitable[None]] | None = None,
    platform: Sequence[PlatformProvider] = (),
    listings: Sequence[Listing] = (),
):
    """`transport` stands in for every provider's network, and `sleep` for the waits between
    retries, in tests; `platform` and `listings` complete the catalogue."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        settings: ExternalApiSettings = app.state.settings
        integrations = Integrations(
            settings,
            app.state.redis,
            configured_box(settings.encryption_keys, settings.mode),
            {p.name: p for p in providers},
            platform=platform,
            listings=listings,
        )
        timeouts = settings.connect_timeout_seconds, settings.read_timeout_seconds
        async with AsyncExitStack() as stack:
            for provider in providers:
                client = await stack.enter_async_context(http_client(*timeouts, transport))
                integrations.http[provider.name] = ProviderHttp(
                    provider.title,
                    client,
                    provider.base_url(settings),
                    attempts=settings.retry_attempts,
                    max_wait=settings.retry_max_wait_seconds,
                    sleep=sleep,
                    refused=provider.refused,
                )
            app.state.integrations = integrations
            yield

    return lifespan
