"""A task as the platform shows it, in the projects API's answers and in the `task.*` webhook
events alike."""

from datetime import datetime

from shared.models.project_task import Frequency, Priority
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel


class ChecklistItemRead(ReadModel):
    id: IdStr
    text: str
    done: bool


class AttachmentRead(ReadModel):
    id: IdStr
    key: str
    filename: str
    content_type: str
    size: int
    added_by: IdStr | None
    added_at: datetime


class RecurrenceRead(ReadModel):
    frequency: Frequency
    interval: int


class TaskRead(DocumentRead):
    project_id: IdStr
    board_id: IdStr
    column_id: IdStr
    position: int
    parent_id: IdStr | None
    title: str
    description: str
    assignee_ids: list[IdStr]
    due_at: datetime | None
    reminder_at: datetime | None
    time_zone: str
    priority: Priority
    labels: list[str]
    checklist: list[ChecklistItemRead]
    attachments: list[AttachmentRead]
    contact_id: IdStr | None
    deal_id: IdStr | None
    completed_at: datetime | None
    recurrence: RecurrenceRead | None
    logged_minutes: int
    created_by: IdStr | None
