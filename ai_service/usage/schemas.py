from datetime import datetime

from pydantic import BaseModel

from ai_service.provider import Usage
from ai_service.usage.service import MonthlyTotal
from shared.models.ai_usage import AiUsage


class UsageRead(BaseModel):
    id: str
    user_id: str
    feature: str
    model: str
    tokens_in: int
    tokens_out: int
    created_at: datetime

    @classmethod
    def of(cls, usage: AiUsage) -> "UsageRead":
        return cls(
            id=str(usage.id),
            user_id=usage.user_id,
            feature=usage.feature,
            model=usage.model,
            tokens_in=usage.tokens_in,
            tokens_out=usage.tokens_out,
            created_at=usage.created_at,
        )


class MonthlyUsageRead(BaseModel):
    month_start: datetime
    renews_at: datetime
    tokens_in: int
    tokens_out: int
    tokens: int
    cap: int | None  # None: no cap
    remaining: int | None

    @classmethod
    def of(cls, total: MonthlyTotal) -> "MonthlyUsageRead":
        return cls(
            month_start=total.month_start,
            renews_at=total.renews_at,
            tokens_in=total.tokens_in,
            tokens_out=total.tokens_out,
            tokens=total.tokens,
            cap=total.cap or None,
            remaining=max(0, total.cap - total.tokens) if total.cap else None,
        )


class TokensUsed(BaseModel):
    tokens_in: int
    tokens_out: int

    @classmethod
    def of(cls, usage: Usage) -> "TokensUsed":
        return cls(tokens_in=usage.tokens_in, tokens_out=usage.tokens_out)
