"""Every query of InstaSites made outside one tenant's list: a task's InstaSite, its progress
written, and the purge cron's batch."""

from datetime import datetime
from typing import Any

from shared.models.base import utc_now
from shared.models.instasite import Instasite, InstasiteStatus
from shared.utilities.repository import object_id

# Never purged: the account's site now, or becoming it.
KEPT = [InstasiteStatus.CLAIMING.value, InstasiteStatus.CLAIMED.value]


async def of_account(account_id: str, instasite_id: str) -> Instasite | None:
    found_id, owner = object_id(instasite_id), object_id(account_id)
    if found_id is None or owner is None:
        return None
    return await Instasite.find_one({"_id": found_id, "account_id": owner})


async def write(instasite: Instasite, changes: dict[str, Any]) -> None:
    """`changes` stored (an update: one deleted meanwhile is not stored again) and made to it."""
    changes = {**changes, "updated_at": utc_now()}
    await Instasite.find_one({"_id": instasite.id}).update({"$set": changes})
    for field, value in changes.items():
        setattr(instasite, field, value)


async def expired_unclaimed(now: datetime, limit: int) -> list[Instasite]:
    return (
        await Instasite.find({"status": {"$nin": KEPT}, "expires_at": {"$lt": now}})
        .limit(limit)
        .to_list()
    )
