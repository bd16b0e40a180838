"""Every query on projects, their boards and tasks, on the tenant-scoped base: another
account's project, board or task answers 404 exactly like a missing one. The cron's queries
across accounts (it acts for the platform) are the functions at the end."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any, TypeVar

from beanie import PydanticObjectId
from beanie.odm.operators.update.general import Set

from shared.models.base import TenantDocument, utc_now
from shared.models.contact import Contact
from shared.models.deal import Deal
from shared.models.project import Project
from shared.models.project_board import ProjectBoard
from shared.models.project_comment import TaskComment
from shared.models.project_task import ProjectTask
from shared.models.project_time_entry import TimeEntry
from shared.utilities.errors import NotFound
from shared.utilities.repository import TenantRepository, object_id

PartT = TypeVar("PartT", bound=TenantDocument)


class PartRepository(TenantRepository[PartT]):
    """Documents that belong to another of the account's (a project's boards, a task's
    comments)."""

    async def get_in(self, document_id: Any, **within: Any) -> PartT:
        """The document, if it is one of `within`'s (`project_id=...`): one of another
        project or task answers 404 like a missing one."""
        oid = object_id(document_id)
        found = await self.find_one({"_id": oid, **within}) if oid else None
        if found is None:
            raise NotFound(f"{self.name} {document_id} does not exist.")
        return found


class ProjectRepository(TenantRepository[Project]):
    noun = "Project"
    sortable = frozenset({"created_at", "updated_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(Project, account_id)

    async def default_project(self) -> Project | None:
        return await self.find_one({"default_of": self.account_id})


class BoardRepository(PartRepository[ProjectBoard]):
    noun = "Board"
    sortable = frozenset({"created_at", "updated_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ProjectBoard, account_id)

    async def first_of(self, project_id: PydanticObjectId) -> ProjectBoard | None:
        boards = await self.list({"project_id": project_id}, limit=1, sort="created_at")
        return boards[0] if boards else None


class TaskRepository(PartRepository[ProjectTask]):
    noun = "Task"
    sortable = frozenset({"created_at", "updated_at", "position", "due_at", "priority", "title"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ProjectTask, account_id)

    async def by_origin(self, origin_key: str) -> ProjectTask | None:
        return await self.find_one({"origin_key": origin_key})

    async def count_in_column(
        self, column_id: PydanticObjectId, other_than: PydanticObjectId | None = None
    ) -> int:
        return await self.count(in_column(column_id, other_than))

    async def shift(
        self,
        column_id: PydanticObjectId,
        first: int,
        by: int,
        other_than: PydanticObjectId | None = None,
    ) -> None:
        """Adds `by` to the position of every task of the column at `first` or after."""
        filters = {**in_column(column_id, other_than), "position": {"$gte": first}}
        await ProjectTask.find(self.scoped(filters)).update({"$inc": {"position": by}})

    async def count_on_columns(self, column_ids: list[PydanticObjectId]) -> int:
        return await self.count({"column_id": {"$in": column_ids}})

    async def sub_task_ids(self, task_id: PydanticObjectId) -> list[PydanticObjectId]:
        found = await ProjectTask.find(self.scoped({"parent_id": task_id})).to_list()
        return [task.id for task in found if task.id]

    async def write(self, task: ProjectTask, fields: Iterable[str]) -> None:
        """Only these fields of the task written (and its `updated_at`): what others write to
        it meanwhile (its logged minutes, its reminder's claim, its position shifted by a move
        next to it) is never written back stale, as saving the whole task would."""
        task.updated_at = utc_now()
        values = {name: getattr(task, name) for name in {*fields, "updated_at"}}
        await ProjectTask.find_one(self.scoped({"_id": task.id})).update({"$set": values})

    async def add_minutes(self, task_id: PydanticObjectId, minutes: int) -> None:
        """The task's logged minutes moved by `minutes` in one write (two entries at once add
        up)."""
        await ProjectTask.find_one(self.scoped({"_id": task_id})).update(
            {"$inc": {"logged_minutes": minutes}, "$set": {"updated_at": utc_now()}}
        )

    async def live_contact(self, contact_id: PydanticObjectId) -> bool:
        contacts = TenantRepository(Contact, self.account_id)
        return await contacts.find_one({"_id": contact_id, "deleted_at": None}) is not None

    async def deal(self, deal_id: PydanticObjectId) -> bool:
        return await TenantRepository(Deal, self.account_id).find_by_id(deal_id) is not None


async def delete_task_records(
    account_id: PydanticObjectId, task_ids: list[PydanticObjectId | None]
) -> None:
    """The comments and time entries of these tasks."""
    for model in (TaskComment, TimeEntry):
        records = TenantRepository(model, account_id)
        await model.find(records.scoped({"task_id": {"$in": task_ids}})).delete()


def in_column(column_id: PydanticObjectId, other_than: PydanticObjectId | None) -> dict[str, Any]:
    filters: dict[str, Any] = {"column_id": column_id}
    if other_than is not None:
        filters["_id"] = {"$ne": other_than}
    return filters


async def reminders_due(now: datetime, limit: int) -> list[ProjectTask]:
    """Open tasks whose reminder time has come and whose reminder is unsent, oldest first."""
    due = {"reminder_sent_at": None, "reminder_at": {"$lte": now}, "completed_at": None}
    return await ProjectTask.find(due).sort("+reminder_at").limit(limit).to_list()


async def claim_reminder(task: ProjectTask, now: datetime) -> bool:
    """Marks the task's reminder sent, only if it was unsent at the time it is due for: True
    for the one caller that did (two runs at once, or a retried one, send it once)."""
    unsent = {"_id": task.id, "reminder_sent_at": None, "reminder_at": task.reminder_at}
    changed = await ProjectTask.get_motor_collection().update_one(
        unsent, {"$set": {"reminder_sent_at": now, "updated_at": utc_now()}}
    )
    return changed.modified_count == 1


async def recurring_due(now: datetime, limit: int) -> list[ProjectTask]:
    """Recurring tasks whose due date has come and whose next occurrence is not made yet."""
    due = {"next_occurrence_id": None, "recurrence": {"$ne": None}, "due_at": {"$lte": now}}
    return await ProjectTask.find(due).sort("+due_at").limit(limit).to_list()


async def link_next_occurrence(task: ProjectTask, next_id: PydanticObjectId) -> None:
    await ProjectTask.find_one({"_id": task.id}).update(Set({"next_occurrence_id": next_id}))


async def end_recurrence(task: ProjectTask) -> None:
    await ProjectTask.find_one({"_id": task.id}).update(
        Set({"recurrence": None, "updated_at": utc_now()})
    )


async def delete_opened_project(project: Project) -> None:
    """A project just opened (and its boards) taken back: what opened it did not happen after
    all (no tasks are on it yet)."""
    await ProjectBoard.find({"account_id": project.account_id, "project_id": project.id}).delete()
    await Project.find_one({"_id": project.id, "account_id": project.account_id}).delete()
