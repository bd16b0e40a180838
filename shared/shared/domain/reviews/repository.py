"""Every query of the reviews' collections outside a module's own."""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from shared.models.business_location import BusinessLocation
from shared.models.reputation_settings import ReputationSettings
from shared.models.review import Review
from shared.models.review_page import ReviewPage
from shared.models.review_request import ReviewRequestMark
from shared.utilities.repository import TenantRepository

REVIEW_SORTS = ("created_at", "reviewed_at", "rating", "replied_at")


class ReviewRepository(TenantRepository[Review]):
    noun = "Review"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(Review, account_id, REVIEW_SORTS)

    async def by_source(self, source: str, provider_review_id: str) -> Review | None:
        return await self.find_one({"provider": source, "provider_review_id": provider_review_id})

    async def matching(self, filters: dict[str, Any]) -> list[Review]:
        """Every review matching (for the stats: rating, times; at most a few thousand)."""
        return await Review.find(self.scoped(filters)).to_list()


async def settings_of(account_id: PydanticObjectId | str) -> ReputationSettings:
    """The account's reputation settings, their defaults while it saved none."""
    account = PydanticObjectId(account_id)
    found = await ReputationSettings.find_one({"account_id": account})
    return found or ReputationSettings(account_id=account)


async def page_of_location(account_id: PydanticObjectId, location_id: PydanticObjectId):
    return await ReviewPage.find_one({"account_id": account_id, "location_id": location_id})


async def page_by_token(token: str) -> ReviewPage | None:
    return await ReviewPage.find_one({"token": token})


async def location(account_id: PydanticObjectId, location_id: PydanticObjectId):
    return await BusinessLocation.find_one({"_id": location_id, "account_id": account_id})


async def take_request_slot(
    account_id: PydanticObjectId, contact_id: PydanticObjectId, now: datetime, since: datetime
) -> bool:
    """Whether the contact may be asked now (last asked before `since`, or never), marking it
    asked at `now` in the same step: of two racing requests, one wins."""
    filters = {"account_id": account_id, "contact_id": contact_id, "sent_at": {"$lt": since}}
    moved = await ReviewRequestMark.get_motor_collection().find_one_and_update(
        filters, {"$set": {"sent_at": now}}, return_document=ReturnDocument.AFTER
    )
    if moved is not None:
        return True
    try:
        await ReviewRequestMark(account_id=account_id, contact_id=contact_id, sent_at=now).insert()
    except DuplicateKeyError:  # asked inside the window (or by a racing request just now)
        return False
    return True


async def settings_with_digests_due(before: datetime, limit: int) -> list[ReputationSettings]:
    """Accounts with digest readers whose last digest went before `before` (or never)."""
    filters = {
        "digest_user_ids.0": {"$exists": True},
        "$or": [{"digest_sent_at": None}, {"digest_sent_at": {"$lt": before}}],
    }
    return await ReputationSettings.find(filters).limit(limit).to_list()


async def google_locations_due(before: datetime, limit: int) -> list[BusinessLocation]:
    filters = {
        "provider": "google-business",
        "$or": [{"reviews_synced_at": None}, {"reviews_synced_at": {"$lt": before}}],
    }
    return await BusinessLocation.find(filters).sort("reviews_synced_at").limit(limit).to_list()


async def reviews_between(account_id: PydanticObjectId, start: datetime, end: datetime):
    filters = {"account_id": account_id, "reviewed_at": {"$gte": start, "$lt": end}}
    return await Review.find(filters).to_list()
