from datetime import datetime
from typing import Annotated, Any

from pydantic import Field, field_validator

from internal_api.fields import Name
from shared.models.automation import (
    Action,
    AddTag,
    AppointmentCompleted,
    AssignOwner,
    ContactTagAdded,
    CreateTask,
    DealStageEntered,
    DocumentSigned,
    FormSubmitted,
    SendReviewRequest,
    SendWebhook,
    Trigger,
)
from shared.models.automation_log import ActionResult, RunStatus
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel


# The stored trigger and actions as sent: unknown fields refused, every value storable.
class DealStageEnteredWrite(WriteModel, DealStageEntered):
    pass


class ContactTagAddedWrite(WriteModel, ContactTagAdded):
    pass


class FormSubmittedWrite(WriteModel, FormSubmitted):
    pass


class DocumentSignedWrite(WriteModel, DocumentSigned):
    pass


class AppointmentCompletedWrite(WriteModel, AppointmentCompleted):
    pass


class AddTagWrite(WriteModel, AddTag):
    pass


class AssignOwnerWrite(WriteModel, AssignOwner):
    pass


class CreateTaskWrite(WriteModel, CreateTask):
    pass


class SendWebhookWrite(WriteModel, SendWebhook):
    pass


class SendReviewRequestWrite(WriteModel, SendReviewRequest):
    pass


TriggerWrite = Annotated[
    DealStageEnteredWrite
    | ContactTagAddedWrite
    | FormSubmittedWrite
    | DocumentSignedWrite
    | AppointmentCompletedWrite,
    Field(discriminator="type"),
]
ActionWrite = Annotated[
    AddTagWrite | AssignOwnerWrite | CreateTaskWrite | SendWebhookWrite | SendReviewRequestWrite,
    Field(discriminator="type"),
]
Actions = Annotated[list[ActionWrite], Field(min_length=1, max_length=20)]


class AutomationCreate(WriteModel):
    name: Name
    enabled: bool = True
    trigger: TriggerWrite
    actions: Actions


class AutomationUpdate(WriteModel):
    """Only the fields sent change; a trigger or action list sent replaces the old one whole."""

    name: Name | None = None
    enabled: bool | None = None
    trigger: TriggerWrite | None = None
    actions: Actions | None = None

    # Runs only on fields sent.
    @field_validator("name", "enabled", "trigger", "actions")
    @classmethod
    def not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("cannot be null")
        return value


class AutomationRead(DocumentRead):
    name: str
    enabled: bool
    trigger: Trigger
    actions: list[Action]


class RunRead(ReadModel):
    id: IdStr
    automation_id: IdStr
    trigger: str
    subject: dict[str, str]
    entity_type: str
    entity_id: IdStr
    actions: list[Action]
    status: RunStatus
    error: str | None
    results: list[ActionResult]  # each action's outcome, in order, once the queue manager ran it
    created_at: datetime
    finished_at: datetime | None
