"""Draining the click stream (`shared.domain.short_links.clicks`) into MongoDB.

The drain reads the stream as a consumer group: an entry it read stays pending until it is
acknowledged, which happens only once its click is stored and its day recounted. A run that
dies half-way leaves its entries pending; a later run claims them once they have been idle
STALE_SECONDS, and stores them again, which changes nothing for the clicks already stored
(`repository`). Acknowledged entries are deleted from the stream, so it holds only what waits.
"""

from typing import Any
from urllib.parse import urlsplit

from beanie import PydanticObjectId
from redis.asyncio import Redis
from redis.exceptions import ResponseError

from queue_manager.short_links import repository
from queue_manager.short_links.devices import classify
from shared.domain.short_links.clicks import CLICK_STREAM, DRAIN_GROUP, RecordedClick, day_of
from shared.utilities.repository import object_id

BATCH = 500
# Batches per run, so a run stays short: a backlog is worked through by the next runs.
MAX_BATCHES = 20
# An entry read this long ago and never acknowledged: whoever read it has died.
STALE_SECONDS = 300
# All drains read as one consumer: which one holds an entry matters only until it is stale.
CONSUMER = "drain"

Entry = tuple[str, dict[str, str]]


async def drain(redis: Redis) -> int:
    """Store and count what the stream holds, up to MAX_BATCHES batches; returns how many
    entries were handled."""
    await ensure_group(redis)
    handled = 0
    for _ in range(MAX_BATCHES):
        batch = await stale_entries(redis) or await new_entries(redis)
        if not batch:
            break
        await record([RecordedClick.from_entry(entry_id, fields) for entry_id, fields in batch])
        await done(redis, [entry_id for entry_id, _ in batch])
        handled += len(batch)
    return handled


async def ensure_group(redis: Redis) -> None:
    try:
        # From the stream's start: clicks recorded before any drain ran are drained too.
        await redis.xgroup_create(CLICK_STREAM, DRAIN_GROUP, id="0", mkstream=True)
    except ResponseError as error:
        if "BUSYGROUP" not in str(error):
            raise


async def stale_entries(redis: Redis) -> list[Entry]:
    _, entries, *_ = await redis.xautoclaim(
        CLICK_STREAM, DRAIN_GROUP, CONSUMER, STALE_SECONDS * 1000, start_id="0-0", count=BATCH
    )
    return entries


async def new_entries(redis: Redis) -> list[Entry]:
    # [[stream, entries]] (RESP2), which redis-py's types do not say.
    answer: Any = await redis.xreadgroup(DRAIN_GROUP, CONSUMER, {CLICK_STREAM: ">"}, count=BATCH)
    return answer[0][1] if answer else []


async def done(redis: Redis, entry_ids: list[str]) -> None:
    async with redis.pipeline(transaction=False) as pipe:
        pipe.xack(CLICK_STREAM, DRAIN_GROUP, *entry_ids)
        pipe.xdel(CLICK_STREAM, *entry_ids)
        await pipe.execute()


async def record(clicks: list[RecordedClick]) -> None:
    """Stores the clicks on links that still exist, and recounts the days they fall on."""
    link_ids = {oid for click in clicks if (oid := object_id(click.link_id))}
    accounts = await repository.accounts_of_links(link_ids)
    stored = [
        stored_click(click, accounts[oid])
        for click in clicks
        if (oid := object_id(click.link_id)) in accounts
    ]
    await repository.store_clicks(stored)
    await repository.recount_days(
        {(click["account_id"], click["link_id"], click["day"]) for click in stored}
    )


def stored_click(click: RecordedClick, account_id: PydanticObjectId) -> dict[str, Any]:
    device, bot = classify(click.user_agent)
    return {
        "_id": click.entry_id,
        "account_id": account_id,
        "link_id": object_id(click.link_id),
        "at": click.at,
        "day": day_of(click.at),
        "referrer": click.referrer or None,
        "referrer_host": host_of(click.referrer),
        "country": click.country or None,
        "device": device.value,
        "bot": bot,
        "user_agent": click.user_agent,
    }


def host_of(referrer: str) -> str | None:
    try:
        return urlsplit(referrer).hostname or None
    except ValueError:  # not a URL: nothing to group it by
        return None
