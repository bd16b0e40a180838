"""An account's two-way sync with one CRM: its field mapping, conflict and deletion policies,
where the incremental pull has reached, and the initial import's progress."""

from datetime import datetime
from enum import StrEnum

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ConflictPolicy(StrEnum):
    # Both sides changed a record since the last sync: the later modification time wins.
    LAST_WRITER_WINS = "last_writer_wins"
    # Both sides changed it: the platform's version is kept and pushed to the CRM.
    PLATFORM_WINS = "platform_wins"


class DeletionPolicy(StrEnum):
    MIRROR = "mirror"  # a deletion on either side deletes the other side's record
    KEEP = "keep"  # a deletion is logged; the other side's record stays


class ImportStatus(StrEnum):
    NOT_STARTED = "not_started"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class CrmSyncConnection(TenantDocument):
    provider: str  # the integration's name: hubspot, pipedrive, salesforce, ...
    enabled: bool = True
    # Platform field ("first_name", "emails.0", "custom.<key>") -> the CRM's field name.
    field_map: dict[str, str] = {}
    conflict_policy: ConflictPolicy = ConflictPolicy.LAST_WRITER_WINS
    deletions: DeletionPolicy = DeletionPolicy.KEEP
    # The latest modification time the pull has applied: the next pull asks for what is newer.
    cursor: datetime | None = None
    import_status: ImportStatus = ImportStatus.NOT_STARTED
    imported: int = 0
    import_error: str = ""

    class Settings:
        name = "crm_sync_connections"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("provider", ASCENDING)], unique=True),
            # Who to push a contact's change to: the account's enabled syncs.
            IndexModel(
                [("account_id", ASCENDING), ("enabled", ASCENDING), ("created_at", DESCENDING)]
            ),
            # The cron's sweep of every account's enabled syncs.
            IndexModel([("enabled", ASCENDING), ("import_status", ASCENDING)]),
        ]
