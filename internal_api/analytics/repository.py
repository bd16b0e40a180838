"""The overview's counts, each one aggregation on an index of its collection:
contacts `(account_id, deleted_at, created_at)`, leads and messages `(account_id,
created_at)`, deals `(account_id, status, closed_at)`; calls from the analytics store."""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId

from shared.models.contact import Contact
from shared.models.conversation_message import ConversationMessage
from shared.models.deal import Deal, DealStatus
from shared.models.lead import Lead


def between(start: datetime, end: datetime) -> dict[str, datetime]:
    return {"$gte": start, "$lt": end}


async def count(model: Any, match: dict[str, Any]) -> int:
    rows = await model.aggregate([{"$match": match}, {"$count": "n"}]).to_list()
    return int(rows[0]["n"]) if rows else 0


async def contacts_added(account_id: PydanticObjectId, start: datetime, end: datetime) -> int:
    match = {"account_id": account_id, "deleted_at": None, "created_at": between(start, end)}
    return await count(Contact, match)


async def leads_by_source(
    account_id: PydanticObjectId, start: datetime, end: datetime
) -> dict[str, int]:
    pipeline = [
        {"$match": {"account_id": account_id, "created_at": between(start, end)}},
        {"$group": {"_id": "$source", "n": {"$sum": 1}}},
        {"$sort": {"_id": 1}},
    ]
    rows = await Lead.aggregate(pipeline).to_list()
    return {str(row["_id"]): int(row["n"]) for row in rows}


async def deals_won(
    account_id: PydanticObjectId, start: datetime, end: datetime
) -> tuple[int, dict[str, int]]:
    """How many deals were won, and their values summed per currency."""
    pipeline = [
        {
            "$match": {
                "account_id": account_id,
                "status": DealStatus.WON.value,
                "closed_at": between(start, end),
            }
        },
        {"$group": {"_id": "$currency", "n": {"$sum": 1}, "value": {"$sum": "$value"}}},
        {"$sort": {"_id": 1}},
    ]
    rows = await Deal.aggregate(pipeline).to_list()
    return sum(int(row["n"]) for row in rows), {row["_id"]: int(row["value"]) for row in rows}


async def messages(account_id: PydanticObjectId, start: datetime, end: datetime) -> int:
    match = {"account_id": account_id, "created_at": between(start, end)}
    return await count(ConversationMessage, match)
