from datetime import datetime
from typing import Annotated, Any

from beanie import PydanticObjectId
from pydantic import BaseModel, Field, StringConstraints, field_validator

from internal_api.fields import TimeZone
from internal_api.projects.fields import Labels, RichText, Title
from shared.models.project_task import Frequency, Priority
from shared.utilities.schemas import WriteModel

MOMENT = "ISO 8601; without an offset, read in the task's time zone"
UserIds = Annotated[list[PydanticObjectId], Field(max_length=20)]


def sure(value: Any) -> Any:
    if value is None:
        raise ValueError("cannot be null")
    return value


class ChecklistItemWrite(WriteModel):
    id: PydanticObjectId | None = Field(None, description="an item kept; none: a new item")
    text: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
    done: bool = False


Checklist = Annotated[list[ChecklistItemWrite], Field(max_length=100)]


class RecurrenceWrite(WriteModel):
    frequency: Frequency
    interval: int = Field(1, ge=1, le=365, description="every N days, weeks or months")


class TaskCreate(WriteModel):
    title: Title
    description: RichText = ""
    board_id: PydanticObjectId | None = Field(None, description="none: the project's first")
    column_id: PydanticObjectId | None = Field(None, description="none: the board's first")
    position: int | None = Field(None, ge=0, description="in the column; none: the end")
    parent_id: PydanticObjectId | None = Field(None, description="a sub-task's task")
    assignee_ids: UserIds = []
    due_at: datetime | None = Field(None, description=MOMENT)
    reminder_at: datetime | None = Field(None, description=MOMENT)
    time_zone: TimeZone | None = Field(None, description="IANA; none: the account's")
    priority: Priority = Priority.NONE
    labels: Labels = []
    checklist: Checklist = []
    contact_id: PydanticObjectId | None = None
    deal_id: PydanticObjectId | None = None
    recurrence: RecurrenceWrite | None = Field(
        None, description="a next occurrence made when the due date comes"
    )


class TaskUpdate(WriteModel):
    """Only the fields sent change; null clears the parent, dates, links and recurrence."""

    title: Title | None = None
    description: RichText | None = None
    parent_id: PydanticObjectId | None = None
    assignee_ids: UserIds | None = None
    due_at: datetime | None = Field(None, description=MOMENT)
    reminder_at: datetime | None = Field(None, description=MOMENT)
    time_zone: TimeZone | None = None
    priority: Priority | None = None
    labels: Labels | None = None
    checklist: Checklist | None = Field(None, description="the whole list, in order")
    contact_id: PydanticObjectId | None = None
    deal_id: PydanticObjectId | None = None
    recurrence: RecurrenceWrite | None = None

    _sure = field_validator(
        "title", "description", "assignee_ids", "time_zone", "priority", "labels", "checklist"
    )(sure)


class TaskMove(WriteModel):
    board_id: PydanticObjectId | None = Field(None, description="another board of the project")
    column_id: PydanticObjectId
    position: int | None = Field(None, ge=0, description="in the column; none: the end")


class AttachmentCreate(WriteModel):
    key: str = Field(
        max_length=1000, description="the storage key of an upload (`POST /v1/e/wasabi/uploads`)"
    )
    filename: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=255)]
    content_type: Annotated[str, StringConstraints(max_length=200)] = "application/octet-stream"
    size: int = Field(ge=0, le=2**40)


class TaskFilters(BaseModel):
    board_id: PydanticObjectId | None = None
    column_id: PydanticObjectId | None = None
    assignee_id: PydanticObjectId | None = None
    parent_id: PydanticObjectId | None = Field(None, description="that task's sub-tasks")
    top_level: bool = Field(False, description="no sub-tasks")
    completed: bool | None = None
    label: str | None = None
    due_before: datetime | None = None

    def query(self) -> dict[str, Any]:
        sent = self.model_dump(exclude_none=True, include={"board_id", "column_id", "parent_id"})
        if self.assignee_id:
            sent["assignee_ids"] = self.assignee_id
        if self.top_level:
            sent["parent_id"] = None
        if self.completed is not None:
            sent["completed_at"] = {"$ne": None} if self.completed else None
        if self.label:
            sent["labels"] = self.label
        if self.due_before:
            sent["due_at"] = {"$lt": self.due_before}
        return sent
