"""Publishing a page: each publish a new immutable version, a rollback showing an older one
again, the previous version's cached render dropped, and a thumbnail asked for on the queue of
the funnel's kind."""

import pytest

from shared.domain.funnels import publishing
from shared.domain.funnels.errors import PublishedMeanwhile, VersionNotFound
from shared.domain.funnels.render_cache import RenderedPage
from shared.domain.funnels.rendering import PageLinks
from shared.models.funnel import FunnelKind
from shared.models.funnel_page import FunnelPage
from shared.models.funnel_page_version import FunnelPageVersion
from tests.factories import create_account
from tests.funnel_factories import blocks, create_funnel, heading, page_of, publish


async def test_publishing_twice_makes_two_versions_and_shows_the_second(outbox, cache):
    funnel = await create_funnel(await create_account(), [heading("First")])
    page = await page_of(funnel)
    first = await publish(funnel, page, cache)
    page.blocks = blocks(heading("Second"))
    await page.save()

    second = await publish(funnel, page, cache)

    stored = await FunnelPage.get(page.id)
    assert (first.number, second.number) == (1, 2)
    assert stored.published_version_id == second.id
    assert (await FunnelPageVersion.get(first.id)).blocks[0].text == "First"


async def test_changing_the_draft_leaves_the_published_version_as_it_was(outbox, cache):
    funnel = await create_funnel(await create_account(), [heading("Live")])
    page = await page_of(funnel)
    version = await publish(funnel, page, cache)

    page.blocks = blocks(heading("Draft"))
    await page.save()

    assert (await FunnelPageVersion.get(version.id)).blocks[0].text == "Live"


async def test_a_rollback_shows_the_older_version_again_and_makes_none(outbox, cache):
    funnel = await create_funnel(await create_account())
    page = await page_of(funnel)
    first = await publish(funnel, page, cache)
    await publish(funnel, page, cache)

    await publishing.roll_back(page, 1, cache)

    stored = await FunnelPage.get(page.id)
    assert (stored.published_version_id, stored.published_number) == (first.id, 1)
    assert await FunnelPageVersion.find({"page_id": page.id}).count() == 2


async def test_a_rollback_to_a_version_the_page_never_had_changes_nothing(outbox, cache):
    funnel = await create_funnel(await create_account())
    page = await page_of(funnel)
    version = await publish(funnel, page, cache)

    with pytest.raises(VersionNotFound) as refused:
        await publishing.roll_back(page, 7, cache)

    assert refused.value.code == "version_not_found"
    assert (await FunnelPage.get(page.id)).published_version_id == version.id


async def test_a_version_number_is_never_used_twice(outbox, cache):
    funnel = await create_funnel(await create_account())
    page = await page_of(funnel)
    await publish(funnel, page, cache)
    stale = await FunnelPage.get(page.id)
    stale.versions_made = 0  # as a second editor read it before the first publish

    with pytest.raises(PublishedMeanwhile) as refused:
        await publish(funnel, stale, cache)

    assert refused.value.code == "published_meanwhile"
    assert await FunnelPageVersion.find({"page_id": page.id}).count() == 1


async def test_publishing_drops_the_previous_versions_cached_render(outbox, cache):
    funnel = await create_funnel(await create_account())
    page = await page_of(funnel)
    first = await publish(funnel, page, cache)
    await cache.put(first.id, PageLinks(), RenderedPage.of("<p>old</p>"))

    await publish(funnel, page, cache)

    assert await cache.get(first.id, PageLinks()) is None


@pytest.mark.parametrize(
    ("kind", "task"),
    [
        (FunnelKind.FUNNEL, "funnels_build_thumbnails.build"),
        (FunnelKind.SITE, "sites_build_thumbnails.build"),
    ],
)
async def test_a_publish_asks_for_its_thumbnail_on_the_queue_of_its_kind(outbox, cache, kind, task):
    funnel = await create_funnel(await create_account(), kind=kind)
    page = await page_of(funnel)

    version = await publishing.publish(funnel, page, None, cache)

    [job] = outbox.jobs
    assert job.name == task
    assert job.kwargs == {"version_id": str(version.id), "account_id": str(funnel.account_id)}
