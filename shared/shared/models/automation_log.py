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
    HELD = "held"  # its account is suspended: run once it is active again


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
    # How often it was held while its account was not active.
    holds: int = 0

    @property
    def task_id(self) -> str:
        """The id of the job that runs it: a new one after each hold, since the job that held
        it has run (a task id runs once)."""
        return f"{self.id}.held-{self.holds}" if self.holds else str(self.id)

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
