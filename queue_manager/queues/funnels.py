"""Hosted pages' queues: `funnels_build_thumbnails` and `sites_build_thumbnails`
(QM_FUNNELS_BUILD_THUMBNAILS, QM_SITES_BUILD_THUMBNAILS) shoot a published version's thumbnail
with headless Chromium into the file storage (`shared.domain.funnels.thumbnails`: once per version,
however often its task runs); `funnels_cloning` (QM_FUNNELS_CLONING) copies a funnel or site
into an account of the agency (`shared.domain.funnels.cloning`: a failed copy is removed and
the clone left `failed`, so it is not retried)."""

from queue_manager.celery import app, settings
from shared.domain.funnels.cloning import run_clone
from shared.domain.funnels.thumbnails import build_thumbnail
from shared.utilities.storage_settings import storage_for
from shared.utilities.task_names import (
    FUNNELS_BUILD_THUMBNAILS_BUILD,
    FUNNELS_CLONING_CLONE,
    SITES_BUILD_THUMBNAILS_BUILD,
)
from shared.utilities.worker import platform_task


async def thumbnail(version_id: str, account_id: str) -> bool:
    return await build_thumbnail(
        version_id,
        account_id,
        storage_for(settings),
        chromium_path=settings.chromium_path,
        size=(settings.thumbnail_width, settings.thumbnail_height),
    )


@platform_task(app, FUNNELS_BUILD_THUMBNAILS_BUILD)
async def build_funnel_thumbnail(version_id: str, account_id: str) -> bool:
    """Whether this run stored the thumbnail."""
    return await thumbnail(version_id, account_id)


@platform_task(app, SITES_BUILD_THUMBNAILS_BUILD)
async def build_site_thumbnail(version_id: str, account_id: str) -> bool:
    """Whether this run stored the thumbnail."""
    return await thumbnail(version_id, account_id)


@platform_task(app, FUNNELS_CLONING_CLONE)
async def clone_funnel(clone_id: str, account_id: str) -> str:
    """The clone's status once the run ends: `done`, or `failed` with nothing left behind."""
    return await run_clone(clone_id, account_id)
