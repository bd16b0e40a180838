"""A task on a project's board: in one column at a position (0, 1, 2, ... with no gaps), with
its assignees, dates, checklist, attachments and links; a sub-task names its parent task.

Moments are stored in UTC with the IANA zone they were meant in (`time_zone`): a due date at
09:00 in Paris, its reminder, and each next occurrence of a recurring task at 09:00 in Paris
again whatever daylight saving does meanwhile.
"""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument, utc_now


class Priority(StrEnum):
    NONE = "none"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    URGENT = "urgent"


class ChecklistItem(BaseModel):
    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    text: str
    done: bool = False


class TaskAttachment(BaseModel):
    """A file in the account's storage (the storage integration's key,
    `accounts/<account_id>/<32 hex>/<name>`), referenced, never copied."""

    id: PydanticObjectId = Field(default_factory=PydanticObjectId)
    key: str
    filename: str
    content_type: str
    size: int  # bytes
    added_by: PydanticObjectId | None = None
    added_at: datetime = Field(default_factory=utc_now)


class Frequency(StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class Recurrence(BaseModel):
    """Every `interval` days, weeks or months from the due date, in the task's zone."""

    frequency: Frequency
    interval: int = 1
    # The series' first due date, its rule's anchor (a monthly task due on the 31st comes on
    # the 28th in February and on the 31st again in March); set when the due date is.
    starts_at: datetime | None = None


class ProjectTask(TenantDocument):
    project_id: PydanticObjectId
    board_id: PydanticObjectId
    column_id: PydanticObjectId
    position: int
    parent_id: PydanticObjectId | None = None  # a sub-task's task
    title: str
    description: str = ""  # rich text, sanitised HTML
    assignee_ids: list[PydanticObjectId] = []
    due_at: datetime | None = None
    reminder_at: datetime | None = None
    time_zone: str = "UTC"  # IANA: where the due date and the reminder were meant
    priority: Priority = Priority.NONE
    labels: list[str] = []
    checklist: list[ChecklistItem] = []
    attachments: list[TaskAttachment] = []
    contact_id: PydanticObjectId | None = None
    deal_id: PydanticObjectId | None = None
    completed_at: datetime | None = None
    recurrence: Recurrence | None = None
    logged_minutes: int = 0  # the sum of its time entries
    created_by: PydanticObjectId | None = None  # None: the platform (an automation)
    # What made it, once: an automation run's action, a recurring task's previous occurrence.
    # Left out when nothing did (unique among those that have one).
    origin_key: str | None = None
    reminder_sent_at: datetime | None = None
    next_occurrence_id: PydanticObjectId | None = None  # made by the recurrence cron

    class Settings:
        name = "project_tasks"
        use_state_management = True
        keep_nulls = False  # for the sparse unique `origin_key`
        indexes = [
            # A column's tasks in board order: positions, moves.
            IndexModel(
                [("account_id", ASCENDING), ("column_id", ASCENDING), ("position", ASCENDING)]
            ),
            IndexModel(
                [("account_id", ASCENDING), ("project_id", ASCENDING), ("created_at", DESCENDING)]
            ),
            IndexModel([("account_id", ASCENDING), ("parent_id", ASCENDING)]),
            IndexModel(
                [("account_id", ASCENDING), ("assignee_ids", ASCENDING), ("due_at", ASCENDING)]
            ),
            # The cron's questions, across accounts: reminders come due, occurrences to make.
            IndexModel([("reminder_sent_at", ASCENDING), ("reminder_at", ASCENDING)]),
            IndexModel(
                [
                    ("next_occurrence_id", ASCENDING),
                    ("recurrence.frequency", ASCENDING),
                    ("due_at", ASCENDING),
                ]
            ),
            IndexModel([("origin_key", ASCENDING)], unique=True, sparse=True),
        ]
