"""Square's API v2 on an account's connection (its access token as Bearer), answered in the
settings' `Square-Version`; lists paged by `cursor` until an answer carries none."""

from collections.abc import AsyncIterator
from typing import Any

from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.http import pages
from external_api.integrations.framework.tokens import ConnectedHttp

CUSTOMERS = "/v2/customers"
PAYMENTS = "/v2/payments"
CATALOG = "/v2/catalog/list"
PAGE_SIZE = 100  # the largest page of customers and payments


def cursor_of(answer: dict) -> str | None:
    return answer.get("cursor") or None


class SquareClient:
    def __init__(self, http: ConnectedHttp, api_version: str) -> None:
        self.http = http
        self.headers = {"square-version": api_version}

    async def get(self, path: str, params: dict[str, Any]) -> dict:
        answer = await self.http.json("GET", path, params=params, headers=self.headers)
        if not isinstance(answer, dict):
            raise ProviderFailed("Square answered in an unexpected shape.")
        return answer

    async def every(self, path: str, key: str, params: dict[str, Any]) -> AsyncIterator[dict]:
        """Each object under `key` of a list, page after page (an empty page has no `key`)."""

        async def fetch(cursor: str | None) -> dict:
            return await self.get(path, {**params, "cursor": cursor} if cursor else params)

        async for page in pages(fetch, cursor_of):
            objects = page.get(key, [])
            if not isinstance(objects, list):
                raise ProviderFailed(f"Square answered {path} without a list of {key}.")
            for item in objects:
                yield item

    def customers(self) -> AsyncIterator[dict]:
        return self.every(CUSTOMERS, "customers", {"limit": PAGE_SIZE})

    def payments(self) -> AsyncIterator[dict]:
        return self.every(PAYMENTS, "payments", {"limit": PAGE_SIZE, "sort_order": "ASC"})

    def catalog_items(self) -> AsyncIterator[dict]:
        """Items with their variations nested in `item_data.variations`."""
        return self.every(CATALOG, "objects", {"types": "ITEM"})
