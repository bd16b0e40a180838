"""The active account's AI usage: each request's tokens, and this month's total."""

from fastapi import APIRouter

from ai_service.dependencies import AiUser, Settings
from ai_service.usage import service
from ai_service.usage.schemas import MonthlyUsageRead, UsageRead
from shared.utilities.errors import Forbidden, InvalidInput, Unauthorized, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/ai/usage", tags=["ai usage"])


@router.get(
    "",
    summary="The active account's AI requests and the tokens each used, newest first",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def list_usage(principal: AiUser, paging: Paging) -> Page[UsageRead]:
    page = await service.list_usage(principal, paging)
    return Page[UsageRead](
        data=[UsageRead.of(usage) for usage in page.data], pagination=page.pagination
    )


@router.get(
    "/month",
    summary="The active account's tokens this calendar month (UTC), against its cap",
    responses=error_responses(Unauthorized, Forbidden),
)
async def read_monthly_usage(principal: AiUser, settings: Settings) -> MonthlyUsageRead:
    return MonthlyUsageRead.of(await service.monthly_total(principal, settings.monthly_token_cap))
