"""Draining the click stream: each click stored once with what it tells, people's and bots'
clicks counted apart by day, and nothing counted twice however often a batch is stored."""

import pytest

from queue_manager.short_links import drain as draining
from queue_manager.short_links.drain import drain, record
from shared.domain.short_links.clicks import CLICK_STREAM, DRAIN_GROUP, RecordedClick, day_of
from shared.models.short_link_click import DeviceClass, ShortLinkClick
from shared.models.short_link_day import ShortLinkDay
from tests.factories import create_account
from tests.internal_api.url_shortener.factories import create_link
from tests.queue_manager.short_links.conftest import click

IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 Safari/604.1"
GOOGLEBOT = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"


@pytest.fixture
async def link(mongo):
    return await create_link(await create_account())


async def day_of_link(link) -> ShortLinkDay:
    return await ShortLinkDay.find_one({"link_id": link.id})


async def test_a_click_is_stored_with_its_referrer_country_and_device(redis, link):
    entry_id = await click(
        redis, link, referrer="https://news.example/today", country="FR", user_agent=IPHONE
    )

    assert await drain(redis) == 1

    stored = await ShortLinkClick.get(entry_id)
    assert (stored.account_id, stored.link_id) == (link.account_id, link.id)
    assert (stored.referrer, stored.referrer_host) == ("https://news.example/today", "news.example")
    assert (stored.country, stored.device, stored.bot) == ("FR", DeviceClass.MOBILE, False)
    assert stored.day == day_of(stored.at)
    counted = await day_of_link(link)
    assert (counted.day, counted.clicks, counted.bots) == (stored.day, 1, 0)


async def test_a_bots_click_is_stored_flagged_and_not_counted(redis, link):
    await click(redis, link)
    bot_entry = await click(redis, link, user_agent=GOOGLEBOT)

    await drain(redis)

    assert (await ShortLinkClick.get(bot_entry)).bot is True
    counted = await day_of_link(link)
    assert (counted.clicks, counted.bots) == (1, 1)


async def test_a_batch_stored_twice_counts_each_click_once(redis, link):
    entries = [await click(redis, link) for _ in range(2)]
    batch = [
        RecordedClick.from_entry(entry_id, fields)
        for entry_id, fields in await redis.xrange(CLICK_STREAM)
    ]

    await record(batch)
    await record(batch)

    assert await ShortLinkClick.find({"link_id": link.id}).count() == len(entries)
    assert (await day_of_link(link)).clicks == 2


async def test_drained_clicks_leave_the_stream(redis, link):
    await click(redis, link)

    await drain(redis)
    again = await drain(redis)

    assert again == 0
    assert await redis.xlen(CLICK_STREAM) == 0
    assert (await day_of_link(link)).clicks == 1


async def test_clicks_a_dead_drain_read_are_stored_by_the_next(redis, link, monkeypatch):
    await click(redis, link)
    await draining.ensure_group(redis)
    # A drain read the entry, then died before acknowledging it.
    await redis.xreadgroup(DRAIN_GROUP, "dead", {CLICK_STREAM: ">"})
    monkeypatch.setattr(draining, "STALE_SECONDS", 0)

    assert await drain(redis) == 1

    assert (await day_of_link(link)).clicks == 1
    assert (await redis.xpending(CLICK_STREAM, DRAIN_GROUP))["pending"] == 0


async def test_clicks_on_a_deleted_link_are_dropped(redis, link):
    await click(redis, link)
    await link.delete()

    assert await drain(redis) == 1

    assert await ShortLinkClick.find_all().count() == 0
    assert await redis.xlen(CLICK_STREAM) == 0


async def test_a_large_backlog_is_drained_a_batch_at_a_time(redis, link, monkeypatch):
    monkeypatch.setattr(draining, "BATCH", 2)
    monkeypatch.setattr(draining, "MAX_BATCHES", 2)
    for _ in range(5):
        await click(redis, link)

    first, second = await drain(redis), await drain(redis)

    assert (first, second) == (4, 1)
    assert (await day_of_link(link)).clicks == 5
