"""A document template of an account: sanitised HTML with merge fields (`{{ contact.name }}`,
`{{ deal.value }}`, `{{ line_items }}`, ...), from which documents to sign are made."""

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class EdocsTemplate(TenantDocument):
    name: str
    # Sanitised HTML holding Jinja2 merge fields (`shared.domain.edocs.merging`).
    body: str
    # Documents made from it are proposals: once signed, their deal is won.
    is_proposal: bool = False

    class Settings:
        name = "edocs_templates"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("name", ASCENDING)]),
        ]
