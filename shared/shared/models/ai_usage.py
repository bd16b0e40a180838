"""Tokens one AI request used: an account's usage list, its monthly total and its cap."""

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class AiUsage(TenantDocument):
    user_id: str  # the token's subject: who asked
    feature: str  # "chat", or the kind of text generated ("seo-meta", ...)
    model: str  # as the provider reported it
    tokens_in: int
    tokens_out: int

    class Settings:
        name = "ai_usage"
        use_state_management = True
        # The usage list (newest first) and the monthly total both read by account and time.
        indexes = [IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)])]
