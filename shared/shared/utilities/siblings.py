"""A sibling service's HTTP API as one of the platform's services calls it: at its base URL,
each request carrying the caller's service token for that service's audience (design.md:
services talk over HTTP, with a service token for internal calls)."""

from dataclasses import dataclass
from typing import Any

import httpx

from shared.utilities.auth import Authenticator, service_token


@dataclass(frozen=True)
class SiblingService:
    client: httpx.AsyncClient
    base_url: str
    authenticator: Authenticator
    caller: str  # the calling service's name, the token's subject
    audience: str  # the called service's name

    async def request(self, method: str, path: str, **options: Any) -> httpx.Response:
        """`options` as httpx takes them (`params`, `json`); raises httpx's errors."""
        token = service_token(self.authenticator, self.caller, audience=self.audience)
        return await self.client.request(
            method,
            self.base_url.rstrip("/") + path,
            headers={"authorization": f"Bearer {token}"},
            **options,
        )
