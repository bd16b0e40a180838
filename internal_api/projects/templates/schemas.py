from datetime import date, time
from typing import Annotated

from beanie import PydanticObjectId
from pydantic import Field, StringConstraints, field_validator

from internal_api.fields import TimeZone
from internal_api.projects.fields import Columns, Labels, PlainText, RichText, Title
from shared.models.project_task import Priority
from shared.utilities.schemas import DocumentRead, ReadModel, WriteModel

ItemText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class TemplateTaskWrite(WriteModel):
    title: Title
    description: RichText = ""
    column: int = Field(0, ge=0, description="the index of its column among the template's")
    due_in_days: int | None = Field(None, ge=0, le=3650, description="after the start date")
    priority: Priority = Priority.NONE
    labels: Labels = []
    checklist: Annotated[list[ItemText], Field(max_length=100)] = []


TemplateTasks = Annotated[list[TemplateTaskWrite], Field(max_length=200)]


class TemplateCreate(WriteModel):
    name: Title
    description: PlainText = ""
    columns: Columns
    tasks: TemplateTasks = []


class TemplateUpdate(WriteModel):
    """Only the fields sent change."""

    name: Title | None = None
    description: PlainText | None = None
    columns: Columns | None = None
    tasks: TemplateTasks | None = None

    @field_validator("name", "description", "columns", "tasks")
    @classmethod
    def sure(cls, value: object) -> object:
        if value is None:
            raise ValueError("cannot be null")
        return value


class Instantiation(WriteModel):
    name: Title | None = Field(None, description="the project's; none: the template's")
    account_id: PydanticObjectId | None = Field(
        None, description="one of this agency's sub-accounts (a client); none: this account"
    )
    starts_on: date | None = Field(None, description="none: today, in the time zone")
    time_zone: TimeZone | None = Field(None, description="IANA; none: the account's")
    due_time: time = Field(time(17, 0), description="the local time the tasks are due at")


class TemplateTaskRead(ReadModel):
    title: str
    description: str
    column: int
    due_in_days: int | None
    priority: Priority
    labels: list[str]
    checklist: list[str]


class TemplateColumnRead(ReadModel):
    name: str
    done: bool


class TemplateRead(DocumentRead):
    name: str
    description: str
    columns: list[TemplateColumnRead]
    tasks: list[TemplateTaskRead]
