"""A note on a contact or a deal: markdown text by one author, possibly pinned."""

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class CrmNote(TenantDocument):
    # Exactly one of the two is set: the record the note is on.
    contact_id: PydanticObjectId | None = None
    deal_id: PydanticObjectId | None = None
    author_id: PydanticObjectId
    body: str  # markdown
    pinned: bool = False

    class Settings:
        name = "crm_notes"
        use_state_management = True
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("contact_id", ASCENDING), ("created_at", DESCENDING)]
            ),
            IndexModel(
                [("account_id", ASCENDING), ("deal_id", ASCENDING), ("created_at", DESCENDING)]
            ),
        ]
