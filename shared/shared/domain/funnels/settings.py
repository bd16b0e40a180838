"""The settings of hosted pages, read alike by the internal API (which serves them) and the
queue manager (which renders their thumbnails and clones funnels)."""

from typing import Annotated

from pydantic import Field, PositiveInt

from shared.utilities.settings import ServiceSettings, common


class FunnelSettings(ServiceSettings):
    pages_max_age_seconds: Annotated[int, Field(ge=0)] = common(
        "PAGES_MAX_AGE_SECONDS",
        60,
        "how long browsers and CDNs may keep a published page (Cache-Control max-age); "
        "publishing shows within it",
    )
    pages_render_cache_seconds: PositiveInt = common(
        "PAGES_RENDER_CACHE_SECONDS",
        3600,
        "how long a published page's rendered HTML is kept in Redis (a publish replaces it)",
    )
    thumbnail_width: Annotated[int, Field(ge=320, le=2560)] = common(
        "PAGES_THUMBNAIL_WIDTH", 1280, "width of the browser window a page's thumbnail is shot in"
    )
    thumbnail_height: Annotated[int, Field(ge=240, le=2560)] = common(
        "PAGES_THUMBNAIL_HEIGHT", 800, "height of the window (the top of the page is shown)"
    )
