"""Calls on behalf of an account's connection: the credential added, an OAuth access token
refreshed shortly before it expires and once after a provider's 401, under a Redis lock per
connection so concurrent requests refresh it once.

A refused refresh (`invalid_grant`) or a second 401 marks the connection `reconnect_needed`;
calls then answer 409 until the account connects again.
"""

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, NoReturn

import httpx
from redis.asyncio import Redis
from redis.exceptions import LockError

from external_api.integrations.framework.credentials import CredentialStore
from external_api.integrations.framework.errors import ReconnectNeeded
from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import GrantRefused, OAuthFlow
from shared.models.integration_credential import IntegrationCredential
from shared.utilities.errors import ServiceUnavailable

REFRESH_LOCK_SECONDS = 30


@dataclass(frozen=True)
class AccessToken:
    value: str
    sealed: str  # as stored: tells whether someone else has refreshed it since


class TokenKeeper:
    def __init__(
        self, store: CredentialStore, flow: OAuthFlow, redis: Redis, skew: timedelta
    ) -> None:
        self.store = store
        self.flow = flow
        self.redis = redis
        self.skew = skew

    async def current(self, account_id: str) -> AccessToken:
        """A token valid for a while yet: the stored one, or a fresh one."""
        credential = await self.store.connected(account_id)
        if credential.expires_within(self.skew):
            return await self.refresh(account_id, credential.access_token)
        return AccessToken(self.store.open(credential.access_token), credential.access_token)

    async def refresh(self, account_id: str, stale: str) -> AccessToken:
        """A token newer than `stale` (sealed, as stored): refreshed here, or by whoever held
        the lock first, in which case theirs is used."""
        lock = self.redis.lock(
            f"integrations:refresh:{self.store.provider.name}:{account_id}",
            timeout=REFRESH_LOCK_SECONDS,
            blocking_timeout=REFRESH_LOCK_SECONDS,
        )
        try:
            async with lock:
                return await self.refresh_holding_lock(account_id, stale)
        except LockError:
            raise ServiceUnavailable(
                f"{self.store.provider.title}'s token is being refreshed; try again."
            ) from None

    async def refresh_holding_lock(self, account_id: str, stale: str) -> AccessToken:
        credential = await self.store.connected(account_id)
        if credential.access_token != stale:
            return AccessToken(self.store.open(credential.access_token), credential.access_token)
        if not credential.refresh_token:
            await self.refused(account_id, "the access token expired and cannot be refreshed")
        try:
            tokens = await self.flow.refresh(self.store.open(credential.refresh_token))
        except GrantRefused as refusal:
            await self.refused(account_id, f"refresh refused: {refusal}")
        credential = await self.store.update_tokens(credential, tokens)
        return AccessToken(tokens.access_token, credential.access_token)

    async def refused(self, account_id: str, problem: str) -> NoReturn:
        await self.store.mark_reconnect_needed(account_id, problem)
        raise ReconnectNeeded(f"{self.store.provider.title} needs to be connected again.")


def bearer(request: dict[str, Any], token: str) -> dict[str, Any]:
    headers = {**request.get("headers", {}), "authorization": f"Bearer {token}"}
    return {**request, "headers": headers}


class ConnectedHttp(ABC):
    """A provider's HTTP on behalf of one account's connection. A provider refusing the
    credential marks the connection `reconnect_needed` (409), unless a refresh (OAuth) fixes it."""

    def __init__(self, http: ProviderHttp, store: CredentialStore, account_id: str) -> None:
        self.http = http
        self.store = store
        self.account_id = account_id

    @abstractmethod
    async def call(self, method: str, path: str, **request: Any) -> httpx.Response:
        """The call with the connection's credential on it."""

    async def json(self, method: str, path: str, **request: Any) -> Any:
        return (await self.call(method, path, **request)).json()

    async def call_or_mark(
        self, problem: str, method: str, path: str, request: dict
    ) -> httpx.Response:
        try:
            return await self.http.call(method, path, **request)
        except ReconnectNeeded:
            await self.store.mark_reconnect_needed(self.account_id, problem)
            raise


class OAuthHttp(ConnectedHttp):
    def __init__(
        self,
        http: ProviderHttp,
        keeper: TokenKeeper,
        account_id: str,
        authorize: Callable[[dict[str, Any], str], dict[str, Any]] = bearer,
    ) -> None:
        super().__init__(http, keeper.store, account_id)
        self.keeper = keeper
        self.authorize = authorize

    async def call(self, method: str, path: str, **request: Any) -> httpx.Response:
        token = await self.keeper.current(self.account_id)
        try:
            return await self.http.call(method, path, **self.authorize(request, token.value))
        except ReconnectNeeded:
            # The provider may have revoked the token early: refresh once and try again.
            token = await self.keeper.refresh(self.account_id, token.sealed)
        problem = "the provider refused a freshly refreshed token"
        return await self.call_or_mark(problem, method, path, self.authorize(request, token.value))


class ApiKeyHttp(ConnectedHttp):
    def __init__(
        self,
        http: ProviderHttp,
        store: CredentialStore,
        account_id: str,
        apply: Callable[[str, IntegrationCredential], dict[str, Any]],
    ) -> None:
        super().__init__(http, store, account_id)
        self.apply = apply

    async def call(self, method: str, path: str, **request: Any) -> httpx.Response:
        credential = await self.store.connected(self.account_id)
        extra = self.apply(self.store.open(credential.api_key), credential)
        merged = {**request, **extra}
        for name in ("headers", "params"):
            if name in request and name in extra:
                merged[name] = {**request[name], **extra[name]}
        return await self.call_or_mark("the provider refused the API key", method, path, merged)
