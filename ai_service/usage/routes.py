"""The active account's AI usage: each request's tokens, and this month's total."""

from fastapi import APIRouter

from ai_service.auth import AiRead
from ai_service.dependencies import Settings
from ai_service.usage import service
from ai_service.usage.schemas import MonthlyUsageRead, UsageRead
from ai_service.usage.service import MonthlyTotal
from shared.models.ai_usage import AiUsage
from shared.utilities.errors import Forbidden, InvalidInput, Unauthorized, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/ai/usage", tags=["ai usage"])


@router.get(
    "",
    response_model=Page[UsageRead],
    summary="The active account's AI requests and the tokens each used, newest first",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def list_usage(principal: AiRead, paging: Paging) -> Page[AiUsage]:
    return await service.list_usage(principal, paging)


@router.get(
    "/month",
    response_model=MonthlyUsageRead,
    summary="The active account's tokens this calendar month (UTC), against its cap",
    responses=error_responses(Unauthorized, Forbidden),
)
async def read_monthly_usage(principal: AiRead, settings: Settings) -> MonthlyTotal:
    return await service.monthly_total(principal, settings.monthly_token_cap or None)
