"""Usage accounting per account, and the two limits on it.

Each AI request stores its token counts (`AiUsage`). An account may make so many requests per
window (counted in Redis, shared by every replica) and use so many tokens per calendar month
(UTC), summed from its usage.
"""

from dataclasses import dataclass
from datetime import datetime

from redis.asyncio import Redis

from ai_service.provider import Usage
from shared.models.ai_usage import AiUsage
from shared.models.base import utc_now
from shared.utilities.auth import Principal
from shared.utilities.errors import PaymentRequired, RateLimited
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository

RATE_LIMIT_KEY_PREFIX = "ai:requests:"


@dataclass(frozen=True)
class MonthlyTotal:
    month_start: datetime
    renews_at: datetime
    tokens_in: int
    tokens_out: int
    cap: int  # 0: no cap

    @property
    def tokens(self) -> int:
        return self.tokens_in + self.tokens_out

    @property
    def exhausted(self) -> bool:
        return bool(self.cap) and self.tokens >= self.cap


class UsageRepository(TenantRepository[AiUsage]):
    def __init__(self, principal: Principal) -> None:
        super().__init__(AiUsage, principal.account_id)

    async def totals_since(self, start: datetime) -> tuple[int, int]:
        """Tokens in and out since `start`."""
        query = self.model.find(self.scoped({"created_at": {"$gte": start}}))
        sums = await query.aggregate(
            [
                {
                    "$group": {
                        "_id": None,
                        "tokens_in": {"$sum": "$tokens_in"},
                        "tokens_out": {"$sum": "$tokens_out"},
                    }
                }
            ]
        ).to_list()
        return (sums[0]["tokens_in"], sums[0]["tokens_out"]) if sums else (0, 0)


async def record(principal: Principal, feature: str, model: str, usage: Usage) -> AiUsage:
    return await UsageRepository(principal).create(
        user_id=principal.sub,
        feature=feature,
        model=model,
        tokens_in=usage.tokens_in,
        tokens_out=usage.tokens_out,
    )


async def list_usage(principal: Principal, params: PageParams) -> Page[AiUsage]:
    return await UsageRepository(principal).paginate(params)


async def monthly_total(principal: Principal, cap: int) -> MonthlyTotal:
    month_start = utc_now().replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    tokens_in, tokens_out = await UsageRepository(principal).totals_since(month_start)
    return MonthlyTotal(month_start, next_month(month_start), tokens_in, tokens_out, cap)


def next_month(month_start: datetime) -> datetime:
    if month_start.month == 12:
        return month_start.replace(year=month_start.year + 1, month=1)
    return month_start.replace(month=month_start.month + 1)


async def check_monthly_cap(principal: Principal, cap: int) -> None:
    total = await monthly_total(principal, cap)
    if total.exhausted:
        raise PaymentRequired(
            f"This account has used its {cap:,} AI tokens for this month; "
            f"more are available from {total.renews_at:%Y-%m-%d}.",
            details=[
                {"tokens_used": total.tokens, "cap": cap, "renews_at": total.renews_at.isoformat()}
            ],
        )


async def check_rate_limit(
    redis: Redis, principal: Principal, limit: int, window_seconds: int
) -> None:
    """Counts this request; the window starts at the account's first request in it."""
    if not limit:
        return
    key = f"{RATE_LIMIT_KEY_PREFIX}{principal.account_id}"
    async with redis.pipeline(transaction=True) as pipeline:
        pipeline.incr(key).expire(key, window_seconds, nx=True).ttl(key)
        count, _, seconds_left = await pipeline.execute()
    if count > limit:
        raise RateLimited(
            f"This account may make {limit} AI requests per {window_seconds} seconds.",
            headers={"Retry-After": str(max(1, seconds_left))},
        )
