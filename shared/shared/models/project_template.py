"""A project template ("SEO onboarding"): the columns of its board and the tasks to start
with, each due a number of days after the project starts."""

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument
from shared.models.project_task import Priority


class TemplateColumn(BaseModel):
    name: str
    done: bool = False


class TemplateTask(BaseModel):
    title: str
    description: str = ""  # sanitised HTML
    column: int = 0  # the index of its column among the template's
    due_in_days: int | None = None  # after the project's start date
    priority: Priority = Priority.NONE
    labels: list[str] = []
    checklist: list[str] = []


class ProjectTemplate(TenantDocument):
    name: str
    description: str = ""
    columns: list[TemplateColumn]
    tasks: list[TemplateTask] = []
    created_by: PydanticObjectId | None = None

    class Settings:
        name = "project_templates"
        use_state_management = True
        indexes = [IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)])]
