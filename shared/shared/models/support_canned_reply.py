"""A supporting team's saved answer (an agency's, or the platform support account's), with
placeholders (`{{ customer_first_name }}`) filled from the conversation it is used in
(`internal_api.support.placeholders`)."""

from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class SupportCannedReply(TenantDocument):
    title: str
    shortcut: str  # what an agent types to find it ("refund"), unique in the account
    body: str
    created_by: str

    class Settings:
        name = "support_canned_replies"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("shortcut", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("title", ASCENDING)]),
        ]
