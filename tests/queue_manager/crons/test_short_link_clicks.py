"""The short_link_clicks cron on the real worker: clicks the redirect recorded are stored and
counted, and read back in the link's stats."""

import os
import uuid

import anyio
import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from queue_manager.celery import app
from shared.models.short_link_click import DeviceClass, ShortLinkClick
from shared.utilities.tasks import TaskSender
from tests.factories import create_signed_in
from tests.internal_api.url_shortener.factories import create_link
from tests.queue_manager.short_links.conftest import redis

__all__ = ["redis"]

WAIT_SECONDS = 30
ANDROID_TABLET = (
    "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/112.0.0.0 Safari/537.36"
)


@pytest.fixture
def sender():
    tasks = TaskSender(os.environ["REDIS_URL"])
    yield tasks
    tasks.close()


@pytest.fixture
async def internal_api(client_for, mongo):
    async with client_for(create_app(InternalApiSettings())) as client:
        yield client


async def run_cron(sender: TaskSender) -> int:
    task_id = await sender.send("short_link_clicks.record", {}, uuid.uuid4().hex)
    result = app.AsyncResult(task_id)
    return await anyio.to_thread.run_sync(lambda: result.get(timeout=WAIT_SECONDS))


async def test_followed_links_clicks_are_counted_in_their_stats(
    worker, sender, redis, internal_api
):
    owner = await create_signed_in()
    link = await create_link(owner.account)
    visitor = {
        "referer": "https://news.example/today",
        "user-agent": ANDROID_TABLET,
        "cf-ipcountry": "DE",
    }
    await internal_api.get(f"/v1/s/{link.code}", headers=visitor)
    await internal_api.get(f"/v1/s/{link.code}", headers={"user-agent": "curl/8.4.0"})

    handled = await run_cron(sender)

    assert handled == 2
    person = await ShortLinkClick.find_one({"link_id": link.id, "bot": False})
    assert (person.referrer_host, person.country, person.device) == (
        "news.example",
        "DE",
        DeviceClass.TABLET,
    )
    on_the_day = {"from": person.day, "to": person.day}
    answer = await internal_api.get(
        f"/v1/url/{link.id}/stats", params=on_the_day, headers=owner.headers
    )
    stats = answer.json()
    assert stats["days"] == [{"day": person.day, "clicks": 1, "bots": 1}]
    assert stats["referrers"] == [{"value": "news.example", "clicks": 1}]
