"""Stripe's API on a connected account: the platform's secret key as Bearer, the connected
account named in `Stripe-Account`; lists paged with `starting_after` while `has_more`."""

from collections.abc import AsyncIterator
from typing import Any

from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.http import ProviderHttp

PAGE_SIZE = 100  # Stripe's largest


class StripeClient:
    def __init__(self, http: ProviderHttp, secret_key: str, stripe_account_id: str) -> None:
        self.http = http
        self.stripe_account_id = stripe_account_id
        self.headers = {
            "authorization": f"Bearer {secret_key}",
            "stripe-account": stripe_account_id,
        }

    async def get(self, path: str, params: dict[str, Any] | None = None) -> dict:
        answer = await self.http.json("GET", path, headers=self.headers, params=params)
        if not isinstance(answer, dict):
            raise ProviderFailed("Stripe answered in an unexpected shape.")
        return answer

    async def account(self) -> dict:
        """The connected account itself (`GET /v1/account`)."""
        return await self.get("account")

    async def every(self, path: str, params: dict[str, Any] | None = None) -> AsyncIterator[dict]:
        """Each object of a list, page after page."""
        query = {**(params or {}), "limit": PAGE_SIZE}
        while True:
            page = await self.get(path, query)
            objects = page.get("data")
            if not isinstance(objects, list):
                raise ProviderFailed(f"Stripe answered /{path} without a list.")
            for item in objects:
                yield item
            if not page.get("has_more") or not objects:
                return
            query["starting_after"] = objects[-1]["id"]
