"""Hosted pages' queues on a real worker: a clone is made by its task, and a published
version's thumbnail is shot by the real headless Chromium: a PNG of the window's size with the
page on it (not blank), stored once per version however often its task runs."""

import io
import uuid

import anyio
import pytest
from beanie import PydanticObjectId
from PIL import Image
from redis.asyncio import Redis

from queue_manager.celery import app
from queue_manager.celery import settings as queue_manager_settings
from shared.domain.funnels.render_cache import RenderCache
from shared.models.funnel import Funnel
from shared.models.funnel_clone import FunnelClone
from shared.models.funnel_page_version import FunnelPageVersion
from shared.utilities.tasks import TaskSender
from tests.factories import create_account, create_sub_account
from tests.funnel_factories import create_funnel, page_of, publish

WAIT_SECONDS = 60
DARK_SECTION = {
    "type": "section",
    "background": "dark",
    "children": [{"type": "heading", "text": "Spring offer", "level": 1}],
}


@pytest.fixture
def sender():
    tasks = TaskSender(queue_manager_settings.redis_url)
    yield tasks
    tasks.close()


async def run(sender: TaskSender, name: str, **kwargs):
    task_id = await sender.send(name, kwargs, uuid.uuid4().hex)
    result = app.AsyncResult(task_id)
    return await anyio.to_thread.run_sync(lambda: result.get(timeout=WAIT_SECONDS))


@pytest.mark.timeout(180)
async def test_the_clone_and_thumbnail_tasks_do_their_work(worker, sender, tmp_path, monkeypatch):
    monkeypatch.setattr(queue_manager_settings, "files_dir", tmp_path)
    agency = await create_account()
    client = await create_sub_account(agency)
    funnel = await create_funnel(agency, [DARK_SECTION])
    clone = await FunnelClone(
        account_id=agency.id,
        funnel_id=funnel.id,
        target_account_id=client.id,
        name="Copy",
        created_by=PydanticObjectId(),
    ).insert()
    redis = Redis.from_url(queue_manager_settings.redis_url)
    version = await publish(funnel, await page_of(funnel), RenderCache(redis, 60))
    await redis.aclose()

    cloned = await run(
        sender, "funnels_cloning.clone", clone_id=str(clone.id), account_id=str(agency.id)
    )
    arguments = {"version_id": str(version.id), "account_id": str(agency.id)}
    shot = await run(sender, "funnels_build_thumbnails.build", **arguments)
    again = await run(sender, "funnels_build_thumbnails.build", **arguments)

    stored = await FunnelPageVersion.get(version.id)
    image = Image.open(io.BytesIO((tmp_path / stored.thumbnail_key).read_bytes()))
    size = (queue_manager_settings.thumbnail_width, queue_manager_settings.thumbnail_height)
    colours = image.convert("RGB").getcolors(maxcolors=size[0] * size[1])
    assert cloned == "done"
    assert await Funnel.find({"account_id": client.id}).count() == 1
    assert (shot, again) == (True, False)
    assert [path.name for path in tmp_path.iterdir()] == [stored.thumbnail_key]
    assert (image.format, image.size) == ("PNG", size)
    assert len(colours) > 10  # the dark section, its heading's anti-aliased text, the page
    assert max(count for count, _ in colours) < size[0] * size[1] * 0.9
