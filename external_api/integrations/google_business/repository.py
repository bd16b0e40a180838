"""Every query of the account's Business Profile locations and their reviews."""

from collections.abc import Mapping
from typing import Any

from beanie import PydanticObjectId

from shared.models.business_location import BusinessLocation
from shared.models.review import Review
from shared.utilities.repository import TenantRepository

PROVIDER = "google-business"


class LocationRepository(TenantRepository[BusinessLocation]):
    """The account's locations read from Google Business Profile."""

    noun = "Location"

    def __init__(self, account_id: str) -> None:
        super().__init__(BusinessLocation, account_id)

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**super().scoped(filters), "provider": PROVIDER}

    async def create(self, **fields: Any) -> BusinessLocation:
        return await super().create(**fields, provider=PROVIDER)

    async def by_google_name(self, provider_location: str) -> BusinessLocation | None:
        return await self.find_one({"provider_location": provider_location})

    async def first(self, limit: int) -> list[BusinessLocation]:
        """The account's locations in Google's order of their names (its index's)."""
        found = BusinessLocation.find(self.scoped()).sort("provider_location").limit(limit)
        return await found.to_list()


class ReviewRepository(TenantRepository[Review]):
    """The reviews of one of the account's locations."""

    noun = "Review"

    def __init__(self, account_id: str, location_id: PydanticObjectId) -> None:
        super().__init__(Review, account_id)
        self.location_id = location_id

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**super().scoped(filters), "provider": PROVIDER, "location_id": self.location_id}

    async def create(self, **fields: Any) -> Review:
        return await super().create(**fields, provider=PROVIDER, location_id=self.location_id)

    async def by_review_id(self, provider_review_id: str) -> Review | None:
        return await self.find_one({"provider_review_id": provider_review_id})
