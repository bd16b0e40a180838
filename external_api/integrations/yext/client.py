"""Yext's API v2 for one account: its key sent as `api_key`, beside the version date `v`."""

from typing import Any

from external_api.integrations.framework.errors import ProviderFailed
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.yext.schemas import Listing, ListingPage
from shared.providers.yext import Publisher


class YextClient:
    """On the account's connection, which adds its `api_key`."""

    def __init__(self, http: ConnectedHttp, yext_account_id: str, version: str) -> None:
        self.http = http
        self.version = version
        self.account_path = f"accounts/{yext_account_id}"

    async def response(self, path: str, params: dict[str, Any] | None = None) -> dict:
        """The `response` part of Yext's `{"meta": ..., "response": ...}` answer."""
        answer = await self.http.json(
            "GET", f"{self.account_path}/{path}", params={**(params or {}), "v": self.version}
        )
        if not isinstance(answer, dict) or not isinstance(answer.get("response"), dict):
            raise ProviderFailed("Yext answered in an unexpected shape.")
        return answer["response"]

    async def list_publishers(self) -> list[Publisher]:
        response = await self.response("publishers")
        return [Publisher.model_validate(publisher) for publisher in response.get("publishers", [])]

    async def list_listings(
        self,
        limit: int,
        offset: int,
        location_ids: list[str],
        publisher_ids: list[str],
        statuses: list[str],
    ) -> ListingPage:
        filters = {
            "locationIds": ",".join(location_ids),
            "publisherIds": ",".join(publisher_ids),
            "statuses": ",".join(statuses),
        }
        params = {"limit": limit, "offset": offset, **{k: v for k, v in filters.items() if v}}
        response = await self.response("listings/listings", params)
        return ListingPage(
            listings=[Listing.model_validate(listing) for listing in response.get("listings", [])],
            count=int(response.get("count", 0)),
        )

    async def locations(self, limit: int) -> list[dict]:
        """The account's first `limit` location entities (Entities: List)."""
        response = await self.response("entities", {"entityTypes": "location", "limit": limit})
        return list(response.get("entities", []))

    async def entity(self, entity_id: str) -> dict:
        """One entity (a location) of the account, with its profile fields."""
        return await self.response(f"entities/{entity_id}")
