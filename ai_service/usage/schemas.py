from datetime import datetime

from shared.utilities.schemas import DocumentRead, IdStr, ReadModel


class UsageRead(DocumentRead):
    user_id: IdStr
    feature: str
    model: str
    tokens_in: int
    tokens_out: int
    estimated: bool  # the provider reported no counts: the tokens reserved are counted


class MonthlyUsageRead(ReadModel):
    month_start: datetime
    renews_at: datetime
    tokens_in: int
    tokens_out: int
    tokens: int
    cap: int | None  # None: no cap
    remaining: int | None


class TokensUsed(ReadModel):
    """A call's `Usage`, as answered."""

    tokens_in: int
    tokens_out: int
