"""Tokens one AI request used: an account's usage list, its monthly total and its cap, and its
agency's (every sub-account's usage also names the agency)."""

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class AiUsage(TenantDocument):
    # The account's agency (itself for an agency): the agency's cap sums over its accounts.
    agency_id: PydanticObjectId | None = None
    user_id: str  # the token's subject: who asked
    feature: str  # "chat", or the kind of text generated ("seo-meta", ...)
    model: str  # as the provider reported it
    tokens_in: int
    tokens_out: int
    # True when the provider reported no counts (a stream cut off before its end): the tokens
    # reserved for the request, an upper bound, are counted instead.
    estimated: bool = False

    class Settings:
        name = "ai_usage"
        use_state_management = True
        # The usage list (newest first) and the monthly totals read by owner and time.
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("agency_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
