"""What a platform operator did in the admin (internal_api's `admin`): one entry per action,
written as the action is done and never changed."""

from enum import StrEnum
from typing import Any

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import BaseDocument


class AdminAction(StrEnum):
    ACCOUNT_SUSPENDED = "account.suspended"
    ACCOUNT_REACTIVATED = "account.reactivated"
    USER_IMPERSONATED = "user.impersonated"
    FEATURE_FLAG_SET = "feature_flag.set"
    DEAD_LETTER_REDRIVEN = "dead_letter.redriven"
    ANNOUNCEMENT_PUBLISHED = "announcement.published"
    ANNOUNCEMENT_WITHDRAWN = "announcement.withdrawn"


class AdminAuditEntry(BaseDocument):
    """`created_at` is when it was done."""

    operator_id: PydanticObjectId
    action: AdminAction
    target_type: str  # "account", "user", "dead_letter", "announcement"
    target_id: str
    # The account the action concerns, when it concerns one (an impersonation's account).
    account_id: PydanticObjectId | None = None
    reason: str
    request_id: str
    details: dict[str, Any] = {}

    class Settings:
        name = "admin_audit_log"
        use_state_management = True
        indexes = [
            IndexModel([("created_at", DESCENDING)]),
            IndexModel([("operator_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("target_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
