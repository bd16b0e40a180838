"""The sync log: each record the CRM sync looked at, which way, and what came of it."""

from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class SyncDirection(StrEnum):
    INCOMING = "incoming"  # CRM -> platform
    OUTGOING = "outgoing"  # platform -> CRM


class SyncOutcome(StrEnum):
    CREATED = "created"
    UPDATED = "updated"
    DELETED = "deleted"
    UNCHANGED = "unchanged"  # the same as at the last sync: an echo, nothing written
    DELETION_KEPT = "deletion_kept"  # deleted on one side, kept on the other by policy
    CONFLICT_LOST = "conflict_lost"  # both changed; the other side's version won
    FAILED = "failed"


class CrmSyncLogEntry(TenantDocument):
    provider: str
    direction: SyncDirection
    outcome: SyncOutcome
    external_id: str = ""
    contact_id: PydanticObjectId | None = None
    detail: str = ""

    class Settings:
        name = "crm_sync_log"
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("provider", ASCENDING), ("created_at", DESCENDING)]
            ),
        ]
