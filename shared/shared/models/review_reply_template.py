"""A reply template of an account's reviews inbox: a text with `{reviewer_name}` and
`{business_name}` filled in; an approved one may be the account's auto-reply."""

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ReviewReplyTemplate(TenantDocument):
    name: str
    text: str
    # Approved by an admin for replying without a person: only those may auto-reply.
    approved: bool = False

    class Settings:
        name = "review_reply_templates"
        indexes = [IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)])]
