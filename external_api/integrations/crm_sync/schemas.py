from datetime import datetime

from pydantic import Field

from shared.models.crm_sync_connection import ConflictPolicy, DeletionPolicy, ImportStatus
from shared.models.crm_sync_log import SyncDirection, SyncOutcome
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel


class CrmSyncSetup(WriteModel):
    """`PUT /v1/e/crm-sync/{provider}`: only the fields given change. An empty `field_map`
    goes back to the provider's default mapping."""

    enabled: bool | None = None
    field_map: dict[str, str] | None = Field(None, max_length=100)
    conflict_policy: ConflictPolicy | None = None
    deletions: DeletionPolicy | None = None


class CrmSyncRead(DocumentRead):
    provider: str
    enabled: bool
    field_map: dict[str, str] = Field(description="in force: the account's, or the default")
    conflict_policy: ConflictPolicy
    deletions: DeletionPolicy
    cursor: datetime | None
    import_status: ImportStatus
    imported: int
    import_error: str


class CrmSyncLogRead(DocumentRead):
    provider: str
    direction: SyncDirection
    outcome: SyncOutcome
    external_id: str
    contact_id: IdStr | None
    detail: str


class RecordChange(WriteModel):
    external_id: str = Field(min_length=1, max_length=100)
    deleted: bool = False


class RecordChanges(WriteModel):
    """What a CRM's verified webhook announced, handed on by the queue manager."""

    changes: list[RecordChange] = Field(min_length=1, max_length=200)


class SyncDone(ReadModel):
    outcomes: list[SyncOutcome]
