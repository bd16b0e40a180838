"""A published version's thumbnail (QM_FUNNELS_BUILD_THUMBNAILS, QM_SITES_BUILD_THUMBNAILS): the
page rendered as its visitors get it, shot by headless Chromium (`shared.utilities.pdf`: offline,
no script) as a PNG of the top of a browser window, stored in the file storage under a key of the
version's. Made once per version, however often its task runs; the version is the only thing
it changes."""

from beanie import PydanticObjectId

from shared.domain.funnels.rendering import render_page
from shared.domain.funnels.repository import VersionRepository
from shared.utilities.pdf import html_to_png
from shared.utilities.storage import FileStorage


def thumbnail_key(version_id: PydanticObjectId) -> str:
    return f"page-thumbnail-{version_id}.png"


async def build_thumbnail(
    version_id: str,
    account_id: str,
    storage: FileStorage,
    *,
    chromium_path: str,
    size: tuple[int, int],
) -> bool:
    """Whether this run stored the thumbnail (False: it was there, or the version is gone)."""
    version = await VersionRepository(account_id).find_by_id(version_id)
    if version is None or version.thumbnail_key:
        return False
    png = await html_to_png(render_page(version), *size, chromium_path=chromium_path)
    key = thumbnail_key(version.id)
    async with storage.writer(key) as writer:
        await writer.write(png)
    await VersionRepository(account_id).set_thumbnail(version.id, key)
    return True
