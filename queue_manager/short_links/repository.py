"""The drain's MongoDB writes: clicks stored under their stream entry ids, and the days they
fall on recounted from the stored clicks, so storing a batch again changes nothing."""

from collections.abc import Iterable
from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import BulkWriteError

from shared.models.base import utc_now
from shared.models.short_link import ShortLink
from shared.models.short_link_click import ShortLinkClick
from shared.models.short_link_day import ShortLinkDay

DUPLICATE_KEY = 11000


async def accounts_of_links(
    link_ids: Iterable[PydanticObjectId],
) -> dict[PydanticObjectId, PydanticObjectId]:
    """Each existing link's account, by link id (a deleted link is missing)."""
    found = ShortLink.get_motor_collection().find(
        {"_id": {"$in": list(link_ids)}}, {"account_id": 1}
    )
    return {link["_id"]: link["account_id"] async for link in found}


async def store_clicks(clicks: list[dict[str, Any]]) -> None:
    """Inserts the clicks (documents with their `_id`) not stored yet; the others stay."""
    if not clicks:
        return
    now = utc_now()
    documents = [{**click, "created_at": now, "updated_at": now} for click in clicks]
    try:
        await ShortLinkClick.get_motor_collection().insert_many(documents, ordered=False)
    except BulkWriteError as error:
        # The others are in: only those a run before this one stored may fail.
        if any(failed["code"] != DUPLICATE_KEY for failed in error.details["writeErrors"]):
            raise


async def recount_days(days: set[tuple[PydanticObjectId, PydanticObjectId, str]]) -> None:
    """Sets each (account, link, day)'s counts to what its stored clicks add up to. Counts only
    grow (`$max`): a drain running alongside that counted before the other's clicks were in
    cannot put a smaller count back."""
    if not days:
        return
    keys = [{"account_id": account, "link_id": link, "day": day} for account, link, day in days]
    grouped = {"account_id": "$account_id", "link_id": "$link_id", "day": "$day", "bot": "$bot"}
    pipeline = [
        {"$match": {"$or": keys}},
        {"$group": {"_id": grouped, "clicks": {"$sum": 1}}},
    ]
    counts = {key: {"clicks": 0, "bots": 0} for key in days}
    for row in await ShortLinkClick.aggregate(pipeline).to_list():
        group = row["_id"]
        key = (group["account_id"], group["link_id"], group["day"])
        counts[key]["bots" if group["bot"] else "clicks"] = row["clicks"]
    now = utc_now()
    days_collection = ShortLinkDay.get_motor_collection()
    for (account, link, day), counted in counts.items():
        await days_collection.update_one(
            {"account_id": account, "link_id": link, "day": day},
            {"$max": counted, "$set": {"updated_at": now}, "$setOnInsert": {"created_at": now}},
            upsert=True,
        )
