"""A published version's thumbnail, shot by the real headless Chromium: a PNG of the window's
size with the page on it (not blank), stored once per version."""

import io

import pytest
from PIL import Image

from shared.domain.funnels.thumbnails import build_thumbnail
from shared.models.funnel_page_version import FunnelPageVersion
from shared.utilities.pdf import DEFAULT_CHROMIUM
from shared.utilities.storage import LocalStorage
from tests.factories import create_account
from tests.funnel_factories import create_funnel, page_of, publish

SIZE = (640, 400)
DARK_SECTION = {
    "type": "section",
    "background": "dark",
    "children": [{"type": "heading", "text": "Spring offer", "level": 1}],
}


@pytest.mark.timeout(120)
async def test_a_thumbnail_is_a_png_of_the_page_shot_once(outbox, cache, tmp_path):
    funnel = await create_funnel(await create_account(), [DARK_SECTION])
    version = await publish(funnel, await page_of(funnel), cache)
    storage = LocalStorage(tmp_path)
    chromium = DEFAULT_CHROMIUM

    first = await build_thumbnail(
        str(version.id), str(funnel.account_id), storage, chromium_path=chromium, size=SIZE
    )
    again = await build_thumbnail(
        str(version.id), str(funnel.account_id), storage, chromium_path=chromium, size=SIZE
    )

    stored = await FunnelPageVersion.get(version.id)
    image = Image.open(io.BytesIO((tmp_path / stored.thumbnail_key).read_bytes()))
    colours = image.convert("RGB").getcolors(maxcolors=SIZE[0] * SIZE[1])
    assert (first, again) == (True, False)
    assert (image.format, image.size) == ("PNG", SIZE)
    assert len(colours) > 10  # the dark section, its heading's anti-aliased text, the page
    assert max(count for count, _ in colours) < SIZE[0] * SIZE[1]
