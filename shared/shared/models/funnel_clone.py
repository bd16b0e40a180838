"""A funnel's copy into the same or another account of the agency, made in the background
(QM_FUNNELS_CLONING): its progress, and the copy it made once done. Owned by the account it
was asked in (the source's)."""

from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class CloneStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


class FunnelClone(TenantDocument):
    funnel_id: PydanticObjectId
    target_account_id: PydanticObjectId
    name: str
    created_by: PydanticObjectId
    status: CloneStatus = CloneStatus.QUEUED
    steps_total: int = 0
    steps_done: int = 0
    copy_id: PydanticObjectId | None = None  # the new funnel, once done
    failure: str | None = None

    class Settings:
        name = "funnel_clones"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
