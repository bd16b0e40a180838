"""Every query on the analytics store: the upsert by key, and the aggregations reports and the
dashboard read (on the `metric_over_days` index: account, source, metric, day)."""

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from beanie import PydanticObjectId

from shared.models.account import Account
from shared.models.analytics_daily_metric import AnalyticsDailyMetric
from shared.models.base import utc_now

if TYPE_CHECKING:
    from shared.domain.analytics.metrics import DailyMetric


def day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, UTC)


def upsert_of(
    account_id: PydanticObjectId, source: str, row: "DailyMetric"
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The filter (the unique key) and the update of one row."""
    now = utc_now()
    key = {
        "account_id": account_id,
        "source": source,
        "entity_type": row.entity_type,
        "entity_id": row.entity_id,
        "metric": row.metric,
        "day": day_start(row.day),
    }
    values = {
        "value": float(row.value),
        "entity_name": row.entity_name,
        "currency": row.currency,
        "updated_at": now,
    }
    return key, {"$set": values, "$setOnInsert": {"created_at": now}}


async def upsert_rows(
    account_id: PydanticObjectId, source: str, rows: Sequence["DailyMetric"]
) -> None:
    """One upsert per key (the unique index makes a concurrent second insert of a key fail
    rather than double it). Not `bulk_write`: mongomock's does not take pymongo 4.9's update
    options, and a nightly pull of a few thousand rows does not need it."""
    collection = AnalyticsDailyMetric.get_motor_collection()
    for row in rows:
        key, update = upsert_of(account_id, source, row)
        await collection.update_one(key, update, upsert=True)


def in_range(
    account_id: PydanticObjectId, source: str, metric: str, start: date, end: date
) -> dict[str, Any]:
    """The index's prefix, in its order: a range on `day` last."""
    return {
        "account_id": PydanticObjectId(account_id),
        "source": source,
        "metric": metric,
        "day": {"$gte": day_start(start), "$lt": day_start(end + timedelta(days=1))},
    }


async def total(
    account_id: PydanticObjectId, source: str, metric: str, start: date, end: date
) -> float:
    pipeline = [
        {"$match": in_range(account_id, source, metric, start, end)},
        {"$group": {"_id": None, "value": {"$sum": "$value"}}},
    ]
    rows = await AnalyticsDailyMetric.aggregate(pipeline).to_list()
    return float(rows[0]["value"]) if rows else 0.0


async def by_day(
    account_id: PydanticObjectId, source: str, metric: str, start: date, end: date
) -> dict[date, float]:
    """The metric summed over the source's entities, per day that has any."""
    pipeline = [
        {"$match": in_range(account_id, source, metric, start, end)},
        {"$group": {"_id": "$day", "value": {"$sum": "$value"}}},
        {"$sort": {"_id": 1}},
    ]
    rows = await AnalyticsDailyMetric.aggregate(pipeline).to_list()
    return {row["_id"].date(): float(row["value"]) for row in rows}


async def by_entity(
    account_id: PydanticObjectId,
    source: str,
    metric: str,
    start: date,
    end: date,
    entity_type: str | None = None,
    limit: int = 10,
) -> list[dict[str, Any]]:
    """The entities with the most of the metric over the range: `{entity_id, name, value}`."""
    match = in_range(account_id, source, metric, start, end)
    if entity_type:
        match["entity_type"] = entity_type
    pipeline = [
        {"$match": match},
        {
            "$group": {
                "_id": "$entity_id",
                "name": {"$last": "$entity_name"},
                "value": {"$sum": "$value"},
            }
        },
        {"$sort": {"value": -1, "_id": 1}},
        {"$limit": limit},
    ]
    rows = await AnalyticsDailyMetric.aggregate(pipeline).to_list()
    return [
        {"entity_id": row["_id"], "name": row["name"] or row["_id"], "value": float(row["value"])}
        for row in rows
    ]


async def stored_rows(
    account_id: str | PydanticObjectId, source: str
) -> list[AnalyticsDailyMetric]:
    """Every row of a source of the account, by entity, metric and day (the upsert key's
    order, so its index serves the read); a back-fill's check reads them back."""
    of_source = {"account_id": PydanticObjectId(account_id), "source": source}
    found = AnalyticsDailyMetric.find(of_source)
    return await found.sort("entity_type", "entity_id", "metric", "day").to_list()


async def account_of(account_id: str | PydanticObjectId) -> Account | None:
    return await Account.get(PydanticObjectId(account_id))


async def entity_totals(
    account_id: PydanticObjectId,
    source: str,
    metric: str,
    start: date,
    end: date,
    entity_ids: list[str],
) -> dict[str, float]:
    """The metric's total over the range for each of the entities named."""
    match = in_range(account_id, source, metric, start, end) | {"entity_id": {"$in": entity_ids}}
    pipeline = [{"$match": match}, {"$group": {"_id": "$entity_id", "value": {"$sum": "$value"}}}]
    rows = await AnalyticsDailyMetric.aggregate(pipeline).to_list()
    return {row["_id"]: float(row["value"]) for row in rows}


async def currency_of(account_id: PydanticObjectId, source: str, metric: str) -> str | None:
    """The currency a money metric is stored in (None for a count or a rate)."""
    found = await AnalyticsDailyMetric.find_one(
        {"account_id": PydanticObjectId(account_id), "source": source, "metric": metric},
        sort=[("day", -1)],
    )
    return found.currency if found else None
