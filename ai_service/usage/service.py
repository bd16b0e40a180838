"""Usage accounting per account: each AI request's tokens (`AiUsage`), this month's total, and
calls to the model made within the limits (`limits`)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from ai_service.provider import ChatProvider, Completion, Message
from ai_service.usage.limits import Meter, month_start, next_month
from ai_service.usage.repository import UsageRepository
from shared.models.ai_usage import AiUsage
from shared.models.base import utc_now
from shared.utilities.auth import Principal
from shared.utilities.errors import DomainError
from shared.utilities.pagination import Page, PageParams


@dataclass(frozen=True)
class MonthlyTotal:
    month_start: datetime
    renews_at: datetime
    tokens_in: int
    tokens_out: int
    cap: int | None  # None: no cap

    @property
    def tokens(self) -> int:
        return self.tokens_in + self.tokens_out

    @property
    def remaining(self) -> int | None:
        return None if self.cap is None else max(0, self.cap - self.tokens)


async def complete(
    provider: ChatProvider,
    meter: Meter,
    feature: str,
    messages: Sequence[Message],
    response_format: dict[str, Any] | None = None,
) -> Completion:
    """The model's answer, the most tokens it can use reserved before the call and settled to
    what it used (given back when the call fails)."""
    reservation = await meter.reserve(messages, response_format)
    try:
        completion = await provider.complete(messages, response_format)
    except DomainError:
        await reservation.cancel()
        raise
    # The tokens were spent whether or not the answer is usable.
    await reservation.spend(feature, completion.model, completion.usage)
    return completion


async def list_usage(principal: Principal, params: PageParams) -> Page[AiUsage]:
    return await UsageRepository.of_account(principal.account_id).paginate(params)


async def monthly_total(principal: Principal, cap: int | None) -> MonthlyTotal:
    start = month_start(utc_now())
    tokens_in, tokens_out = await UsageRepository.of_account(principal.account_id).totals_since(
        start
    )
    return MonthlyTotal(start, next_month(start), tokens_in, tokens_out, cap)
