from pydantic import Field

from shared.utilities.settings import ServiceSettings


class AnalyticsApiSettings(ServiceSettings):
    analytics_summary_cache_seconds: int = Field(
        60,
        ge=0,
        le=3600,
        description="seconds the dashboard's overview of a range is served from Redis before "
        "it is counted again; 0 counts every time",
    )
