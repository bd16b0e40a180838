"""What a task must be before it is stored, checked for the fields being written: in a live
project of the account, on one of the project's boards and in one of its columns; a sub-task
under a task of the same project that is no sub-task itself; assigned to users of the account
(`require_users`); linked to one of the account's live contacts and deals; its files in the
account's storage; recurring only from a due date. Then settled: its description sanitised,
its moments in UTC (a moment sent without an offset is read in the task's zone), its labels
each once."""

import re
from collections.abc import Collection
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from shared.domain.accounts.users import require_users
from shared.domain.projects.errors import (
    ColumnNotFound,
    ForeignAttachment,
    ParentTaskNotFound,
    ProjectArchived,
    RecurrenceNeedsDueDate,
    SubTaskDepth,
    UnknownContact,
    UnknownDeal,
)
from shared.domain.projects.repository import BoardRepository, ProjectRepository, TaskRepository
from shared.domain.projects.rich_text import sanitised
from shared.models.project import Project
from shared.models.project_board import ProjectBoard
from shared.models.project_task import ProjectTask
from shared.utilities.errors import NotFound

# The storage integration's keys (external_api/integrations/wasabi): private or public, under
# the owning account's id.
STORAGE_KEY = re.compile(r"^(accounts|public)/([0-9a-f]{24})/[0-9a-f]{32}/[A-Za-z0-9._-]+$")
EVERYTHING = frozenset(ProjectTask.model_fields)


async def live_project(account_id: object, project_id: object) -> Project:
    project = await ProjectRepository(str(account_id)).get(str(project_id))
    if project.archived_at is not None:
        raise ProjectArchived()
    return project


async def check_task(task: ProjectTask, fields: Collection[str] = EVERYTHING) -> ProjectBoard:
    """The task's board, once every field named in `fields` holds (see above)."""
    await live_project(task.account_id, task.project_id)
    board = await BoardRepository(task.account_id).get_in(task.board_id, project_id=task.project_id)
    if board.column(task.column_id) is None:
        raise ColumnNotFound(f"Column {task.column_id} is not on this board.")
    if "parent_id" in fields and task.parent_id is not None:
        await check_parent(task)
    if "assignee_ids" in fields and task.assignee_ids:
        ids = [str(user_id) for user_id in task.assignee_ids]
        task.assignee_ids = await require_users(task.account_id, ids, "assignee_ids")
    tasks = TaskRepository(task.account_id)
    if "contact_id" in fields and task.contact_id and not await tasks.live_contact(task.contact_id):
        raise UnknownContact(f"Contact {task.contact_id} does not exist.")
    if "deal_id" in fields and task.deal_id and not await tasks.deal(task.deal_id):
        raise UnknownDeal(f"Deal {task.deal_id} does not exist.")
    if "attachments" in fields:
        check_attachments(task)
    if task.recurrence is not None and task.due_at is None:
        raise RecurrenceNeedsDueDate(details=[{"field": "recurrence", "message": "needs due_at"}])
    return board


async def check_parent(task: ProjectTask) -> None:
    tasks = TaskRepository(task.account_id)
    try:
        parent = await tasks.get_in(task.parent_id, project_id=task.project_id)
    except NotFound:
        raise ParentTaskNotFound(f"Task {task.parent_id} is not in this project.") from None
    has_sub_tasks = task.id is not None and bool(await tasks.sub_task_ids(task.id))
    if parent.parent_id is not None or parent.id == task.id or has_sub_tasks:
        raise SubTaskDepth(details=[{"field": "parent_id", "message": "one level of sub-tasks"}])


def check_attachments(task: ProjectTask) -> None:
    for index, attachment in enumerate(task.attachments):
        match = STORAGE_KEY.match(attachment.key)
        if match is None or match[2] != str(task.account_id):
            raise ForeignAttachment(
                details=[{"field": f"attachments.{index}.key", "message": "not this account's"}]
            )


def settle(task: ProjectTask, fields: Collection[str] = EVERYTHING) -> None:
    if "description" in fields:
        task.description = sanitised(task.description)
    zone = ZoneInfo(task.time_zone)
    task.due_at = in_utc(task.due_at, zone)
    task.reminder_at = in_utc(task.reminder_at, zone)
    task.labels = list(dict.fromkeys(task.labels))
    if task.recurrence is not None and task.recurrence.starts_at is None:
        task.recurrence = task.recurrence.model_copy(update={"starts_at": task.due_at})


def in_utc(moment: datetime | None, zone: ZoneInfo) -> datetime | None:
    if moment is None:
        return None
    aware = moment if moment.tzinfo else moment.replace(tzinfo=zone)
    utc = aware.astimezone(UTC)
    return utc.replace(microsecond=utc.microsecond // 1000 * 1000)  # what MongoDB keeps
