"""The internal API's settings of public pages (`INTERNAL_API_` prefix)."""

from pydantic import Field

from shared.utilities.ratelimit import Limits, parse_limits
from shared.utilities.settings import ServiceSettings


class PagesApiSettings(ServiceSettings):
    pages_rate_limit_per_ip: Limits = Field(
        parse_limits("120/minute, 5000/day"),
        description="public page views, redirects and thumbnails one client address may ask "
        "for, e.g. '120/minute, 5000/day'; empty: none",
    )
