"""An account's reputation settings: who is alerted of a low review, the weekly digest,
the auto-reply, and how often one contact may be asked for a review. One per account."""

from datetime import datetime

from beanie import Indexed, PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class ReputationSettings(TenantDocument):
    account_id: Indexed(PydanticObjectId, unique=True)  # type: ignore[valid-type]  # Beanie's
    # A new review rated at or below this alerts `alert_user_ids` (0: no alerts).
    alert_threshold: int = 2
    alert_user_ids: list[PydanticObjectId] = []
    digest_user_ids: list[PydanticObjectId] = []  # the weekly digest's readers (none: off)
    digest_sent_at: datetime | None = None
    # Reviews rated at least `auto_reply_min_rating` get this approved template's reply.
    auto_reply_template_id: PydanticObjectId | None = None
    auto_reply_min_rating: int = 4
    # One contact is asked for a review at most once in this many days.
    request_window_days: int = 30

    class Settings:
        name = "reputation_settings"
        # The digest sweep's question: accounts whose last digest is older than a week.
        indexes = [IndexModel([("digest_sent_at", ASCENDING)])]
