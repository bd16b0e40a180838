"""A page's draft published, or an older version published again: the one path every
published version is made by.

Publishing writes the next version (numbers never reused: a unique index holds them, so of two
publishes racing one fails, `published_meanwhile`, and writes nothing), points the page at it,
drops the previous version's renders from the cache and asks for the new version's thumbnail.
A version, once written, never changes; a rollback makes no new version, it points the page at
the older one (and asks for nothing: that one has its thumbnail already).
"""

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.domain.funnels.blocks import form_ids
from shared.domain.funnels.errors import PublishedMeanwhile, VersionNotFound
from shared.domain.funnels.render_cache import RenderCache
from shared.domain.funnels.repository import VersionRepository
from shared.models.funnel import Funnel, FunnelKind
from shared.models.funnel_page import FunnelPage
from shared.models.funnel_page_version import FunnelPageVersion
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import (
    FUNNELS_BUILD_THUMBNAILS_BUILD,
    SITES_BUILD_THUMBNAILS_BUILD,
)

THUMBNAIL_TASKS = {
    FunnelKind.FUNNEL: FUNNELS_BUILD_THUMBNAILS_BUILD,
    FunnelKind.SITE: SITES_BUILD_THUMBNAILS_BUILD,
}


async def publish(
    funnel: Funnel, page: FunnelPage, by: PydanticObjectId | None, cache: RenderCache
) -> FunnelPageVersion:
    version = FunnelPageVersion(
        account_id=page.account_id,
        funnel_id=funnel.id,
        page_id=page.id,
        number=page.versions_made + 1,
        title=page.title,
        description=page.description,
        blocks=page.blocks,
        published_by=by,
    )
    try:
        await version.insert()
    except DuplicateKeyError:
        raise PublishedMeanwhile() from None
    page.versions_made = version.number
    await point_at(page, version, cache)
    enqueue_job(
        THUMBNAIL_TASKS[funnel.kind], version_id=str(version.id), account_id=str(page.account_id)
    )
    return version


async def roll_back(page: FunnelPage, number: int, cache: RenderCache) -> FunnelPageVersion:
    version = await VersionRepository(page.account_id).numbered(page.id, number)
    if version is None:
        raise VersionNotFound(f"The page has no version {number}.")
    await point_at(page, version, cache)
    return version


async def point_at(page: FunnelPage, version: FunnelPageVersion, cache: RenderCache) -> None:
    previous = page.published_version_id
    page.published_version_id, page.published_number = version.id, version.number
    page.form_ids = form_ids(version.blocks)
    await page.save_changes()
    await cache.forget(previous)
