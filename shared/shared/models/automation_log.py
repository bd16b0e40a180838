"""One firing of an automation rule: what triggered it and the actions to run.

Stored `pending` when the trigger happens; the queue manager runs the actions and records
the outcome.
"""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.automation import Action
from shared.models.base import TenantDocument


class RunStatus(StrEnum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"


class ActionStatus(StrEnum):
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    SKIPPED = "skipped"  # nothing to do on this entity (a deal has no tags, a contact is gone)


class ActionResult(BaseModel):
    type: str  # the action's type
    status: ActionStatus
    detail: str | None = None  # why it failed or was skipped, or what it answered


class AutomationLog(TenantDocument):
    automation_id: PydanticObjectId
    trigger: str  # the trigger's type, e.g. "deal.stage_entered"
    subject: dict[str, str]  # what matched the trigger (ids as strings), e.g. {"tag": "vip"}
    entity_type: str  # "deal", "contact"
    entity_id: PydanticObjectId
    # A copy of the rule's actions when it fired: editing the rule later changes nothing here.
    actions: list[Action]
    status: RunStatus = RunStatus.PENDING
    error: str | None = None
    # One per action already run, in order: a run taken over after a crash resumes after them.
    results: list[ActionResult] = []
    finished_at: datetime | None = None

    class Settings:
        name = "automation_logs"
        use_state_management = True
        indexes = [
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("automation_id", ASCENDING),
                    ("created_at", DESCENDING),
                ]
            ),
            # The queue manager picks pending runs, oldest first, across accounts.
            IndexModel([("status", ASCENDING), ("created_at", ASCENDING)]),
        ]
