"""A CRM's HTTP for the sync: the account's connection, each call waiting its turn in the
provider's rate limit (shared by every process through Redis), and a 429 the framework's own
retries could not wait out making every caller hold off for the provider's Retry-After."""

from typing import Any

import httpx

from external_api.integrations.framework.tokens import ConnectedHttp
from shared.domain.crm_sync.limiter import ProviderLimiter
from shared.utilities.errors import RateLimited

# When a 429 names no Retry-After: the longest window any of these providers documents.
DEFAULT_HOLD_OFF_SECONDS = 10.0


class LimitedHttp:
    def __init__(self, http: ConnectedHttp, limiter: ProviderLimiter) -> None:
        self.http = http
        self.limiter = limiter

    async def call(self, method: str, path: str, **request: Any) -> httpx.Response:
        await self.limiter.acquire()
        try:
            return await self.http.call(method, path, **request)
        except RateLimited as limited:
            wait = limited.headers.get("retry-after")
            await self.limiter.hold_off(float(wait) if wait else DEFAULT_HOLD_OFF_SECONDS)
            raise

    async def json(self, method: str, path: str, **request: Any) -> Any:
        return (await self.call(method, path, **request)).json()
