"""Every query of the URL shortener: an account's links, a code's link for the redirect, and
the clicks and daily counts its stats read."""

from typing import Any

from beanie import PydanticObjectId
from pydantic import BaseModel

from shared.models.base import utc_now
from shared.models.short_link import ShortLink
from shared.models.short_link_click import ShortLinkClick
from shared.models.short_link_day import ShortLinkDay
from shared.utilities.repository import TenantRepository

# Entries a top list holds.
TOP = 10


class ShortLinkRepository(TenantRepository[ShortLink]):
    noun = "Short link"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ShortLink, account_id)

    async def update(self, link: ShortLink, changes: dict[str, Any]) -> None:
        """The changes written, and made to `link`. A code another link has raises
        DuplicateKeyError: a query update, since a document's own save reports that as a
        revision clash."""
        changes = {**changes, "updated_at": utc_now()}
        stored = {
            field: value.model_dump() if isinstance(value, BaseModel) else value
            for field, value in changes.items()
        }
        await ShortLink.find_one(self.scoped({"_id": link.id})).update({"$set": stored})
        for field, value in changes.items():
            setattr(link, field, value)


async def link_by_code(code: str) -> ShortLink | None:
    """Whichever account's link has the code: codes are unique across the platform."""
    return await ShortLink.find_one({"code": code})


class ClickRepository:
    """One link's clicks and daily counts; days are UTC dates (`"2024-05-31"`), ranges
    inclusive."""

    def __init__(self, link: ShortLink) -> None:
        self.link_scope: dict[str, Any] = {"account_id": link.account_id, "link_id": link.id}

    def days_scope(self, first: str, last: str) -> dict[str, Any]:
        return {**self.link_scope, "day": {"$gte": first, "$lte": last}}

    async def days(self, first: str, last: str) -> list[ShortLinkDay]:
        return await ShortLinkDay.find(self.days_scope(first, last)).sort("day").to_list()

    async def top(self, field: str, first: str, last: str) -> list[tuple[str, int]]:
        """The values of `field` people's clicks had most, with their counts, at most TOP."""
        people = {**self.days_scope(first, last), "bot": False, field: {"$ne": None}}
        pipeline = [
            {"$match": people},
            {"$group": {"_id": f"${field}", "clicks": {"$sum": 1}}},
            {"$sort": {"clicks": -1, "_id": 1}},
            {"$limit": TOP},
        ]
        found = await ShortLinkClick.aggregate(pipeline).to_list()
        return [(row["_id"], row["clicks"]) for row in found]

    async def delete_all(self) -> None:
        await ShortLinkClick.find(self.link_scope).delete()
        await ShortLinkDay.find(self.link_scope).delete()
