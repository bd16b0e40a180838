"""/v1/analytics/summary: the dashboard's overview tiles (signed in)."""

from typing import Annotated

from fastapi import APIRouter, Query

from internal_api.analytics import service
from internal_api.analytics.auth import AnalyticsRead
from internal_api.analytics.schemas import Summary, SummaryRange
from internal_api.dependencies import Settings
from shared.utilities.app import RedisClient
from shared.utilities.errors import SIGNED_IN, InvalidInput, error_responses

router = APIRouter(prefix="/v1/analytics", tags=["analytics"])


@router.get(
    "/summary",
    response_model=Summary,
    summary="The dashboard's overview tiles for a date range",
    description="Contacts added, leads (by source), deals won and their revenue per currency, "
    "messages and calls, the days counted in the account's time zone; the same range is "
    "served from a cache for ANALYTICS_SUMMARY_CACHE_SECONDS.",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def read_summary(
    period: Annotated[SummaryRange, Query()],
    principal: AnalyticsRead,
    redis: RedisClient,
    settings: Settings,
) -> Summary:
    return await service.summary(principal, period, redis, settings)
