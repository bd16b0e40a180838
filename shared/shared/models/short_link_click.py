"""One click on a short link, as the redirect recorded it and the queue manager stored it.

The redirect appends each click to a Redis stream (`shared.domain.short_links.clicks`); the
queue manager's drain stores it here under its stream entry's id, so a batch stored twice keeps
one of each, and recounts the days it touched (`ShortLinkDay`). Bots are stored, flagged, and
never counted as clicks.
"""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import Field
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class DeviceClass(StrEnum):
    DESKTOP = "desktop"
    MOBILE = "mobile"
    TABLET = "tablet"
    OTHER = "other"  # a TV, a console, a bot, or nothing to tell by


class ShortLinkClick(TenantDocument):
    id: str = Field(description="the click's stream entry id")
    link_id: PydanticObjectId
    at: datetime
    day: str  # its UTC date, "2024-05-31": what counts and stats group by
    referrer: str | None = None  # as the browser sent it
    referrer_host: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, from the edge's header
    device: DeviceClass
    bot: bool
    user_agent: str = ""

    class Settings:
        name = "short_link_clicks"
        indexes = [
            # A link's clicks of a range of days: counting a day, stats' top lists.
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("link_id", ASCENDING),
                    ("day", ASCENDING),
                    ("bot", ASCENDING),
                ]
            ),
        ]
