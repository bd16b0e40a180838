"""One contact paired with its record in one CRM, and what both looked like when last synced:
what tells a real change from the echo of the sync's own write."""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class CrmSyncLink(TenantDocument):
    provider: str
    contact_id: PydanticObjectId
    external_id: str  # the CRM's id of the record
    # The hash of the mapped fields both sides agreed on at the last sync, as the contact holds
    # them (normalised by the write path) and as the CRM sent them (its own formatting).
    synced_hash: str = ""
    remote_hash: str = ""
    synced_at: datetime | None = None
    # The CRM record's own modification time at the last sync.
    remote_modified_at: datetime | None = None

    class Settings:
        name = "crm_sync_links"
        use_state_management = True
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("provider", ASCENDING), ("external_id", ASCENDING)],
                unique=True,
            ),
            IndexModel(
                [("account_id", ASCENDING), ("provider", ASCENDING), ("contact_id", ASCENDING)],
                unique=True,
            ),
        ]
