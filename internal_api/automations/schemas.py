from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, Field, field_validator

from internal_api.fields import Name
from shared.models.automation import Action, Automation, Trigger
from shared.models.automation_log import ActionResult, AutomationLog, RunStatus

Actions = Annotated[list[Action], Field(min_length=1, max_length=20)]


class AutomationCreate(BaseModel):
    name: Name
    enabled: bool = True
    trigger: Trigger
    actions: Actions


class AutomationUpdate(BaseModel):
    """Only the fields sent change; a trigger or action list sent replaces the old one whole."""

    name: Name | None = None
    enabled: bool | None = None
    trigger: Trigger | None = None
    actions: Actions | None = None

    # Runs only on fields sent.
    @field_validator("name", "enabled", "trigger", "actions")
    @classmethod
    def not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("cannot be null")
        return value


class AutomationRead(BaseModel):
    id: str
    name: str
    enabled: bool
    trigger: Trigger
    actions: list[Action]
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, automation: Automation) -> "AutomationRead":
        # JSON mode turns every id into its string.
        return cls.model_validate(automation.model_dump(mode="json"))


class RunRead(BaseModel):
    id: str
    automation_id: str
    trigger: str
    subject: dict[str, str]
    entity_type: str
    entity_id: str
    actions: list[Action]
    status: RunStatus
    error: str | None
    results: list[ActionResult]  # each action's outcome, in order, once the queue manager ran it
    created_at: datetime
    finished_at: datetime | None

    @classmethod
    def of(cls, run: AutomationLog) -> "RunRead":
        return cls.model_validate(run.model_dump(mode="json"))
