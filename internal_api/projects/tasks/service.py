"""A project's tasks, written through the domain's one task write path
(`shared.domain.projects.writing`): checked, positioned, told live, to webhooks and to the
users assigned. A task without a time zone takes the account's."""

from typing import Any

from beanie import PydanticObjectId

from internal_api.projects.tasks.schemas import (
    AttachmentCreate,
    TaskCreate,
    TaskFilters,
    TaskMove,
    TaskUpdate,
)
from internal_api.settings import InternalApiSettings
from shared.domain.accounts import repository as accounts
from shared.domain.accounts.locale import locale_of
from shared.domain.projects import writing
from shared.domain.projects.repository import BoardRepository, ProjectRepository, TaskRepository
from shared.models.project_board import ProjectBoard
from shared.models.project_task import ChecklistItem, ProjectTask, Recurrence, TaskAttachment
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound
from shared.utilities.pagination import Page, PageParams
from shared.utilities.schemas import WriteModel

# Where a new task goes, settled apart from what it is.
PLACING = {"board_id", "column_id", "position"}


def actor(principal: Principal) -> PydanticObjectId:
    return PydanticObjectId(principal.sub)


async def create_task(
    principal: Principal, project_id: str, body: TaskCreate, settings: InternalApiSettings
) -> ProjectTask:
    project = await ProjectRepository(principal.account_id).get(project_id)
    board = await board_for(principal, project.id, body.board_id)
    values = stored_values(body, body.model_fields_set - PLACING)
    if body.time_zone is None:
        account = await accounts.account(project.account_id)
        values["time_zone"] = locale_of(account, settings).time_zone
    task = ProjectTask(
        **values,
        account_id=project.account_id,
        project_id=project.id,
        board_id=board.id,
        column_id=body.column_id or board.columns[0].id,
        position=0,
    )
    task, _ = await writing.open_task(task, actor(principal), body.position)
    return task


async def board_for(
    principal: Principal, project_id: PydanticObjectId, board_id: PydanticObjectId | None
) -> ProjectBoard:
    boards = BoardRepository(principal.account_id)
    if board_id is not None:
        return await boards.get_in(board_id, project_id=project_id)
    first = await boards.first_of(project_id)
    if first is None:
        raise NotFound("The project has no board: add one first.")
    return first


async def list_tasks(
    principal: Principal, project_id: str, params: PageParams, filters: TaskFilters
) -> Page[ProjectTask]:
    project = await ProjectRepository(principal.account_id).get(project_id)
    query = {**filters.query(), "project_id": project.id}
    return await TaskRepository(principal.account_id).paginate(params, query)


async def get_task(principal: Principal, project_id: str, task_id: str) -> ProjectTask:
    project = await ProjectRepository(principal.account_id).get(project_id)
    return await TaskRepository(principal.account_id).get_in(task_id, project_id=project.id)


async def update_task(
    principal: Principal, project_id: str, task_id: str, body: TaskUpdate
) -> ProjectTask:
    task = await get_task(principal, project_id, task_id)
    changes = stored_values(body, body.model_fields_set)
    return await writing.change_task(task, changes, actor(principal))


async def move_task(principal: Principal, project_id: str, task_id: str, body: TaskMove):
    task = await get_task(principal, project_id, task_id)
    board = await board_for(principal, task.project_id, body.board_id or task.board_id)
    return await writing.move_task(task, board, body.column_id, body.position)


async def set_completed(principal: Principal, project_id: str, task_id: str, done: bool):
    task = await get_task(principal, project_id, task_id)
    return await writing.set_completed(task, done)


async def delete_task(principal: Principal, project_id: str, task_id: str) -> None:
    await writing.delete_task(await get_task(principal, project_id, task_id))


async def add_attachment(
    principal: Principal, project_id: str, task_id: str, body: AttachmentCreate
) -> ProjectTask:
    task = await get_task(principal, project_id, task_id)
    attachment = TaskAttachment(**body.model_dump(), added_by=actor(principal))
    changes = {"attachments": [*task.attachments, attachment]}
    return await writing.change_task(task, changes, actor(principal))


async def remove_attachment(
    principal: Principal, project_id: str, task_id: str, attachment_id: str
) -> ProjectTask:
    task = await get_task(principal, project_id, task_id)
    kept = [attachment for attachment in task.attachments if str(attachment.id) != attachment_id]
    if len(kept) == len(task.attachments):
        raise NotFound(f"Attachment {attachment_id} does not exist.")
    return await writing.change_task(task, {"attachments": kept}, actor(principal))


def stored_values(body: WriteModel, names: set[str]) -> dict[str, Any]:
    """The fields named, typed as the task stores them."""
    values = {name: getattr(body, name) for name in names}
    if values.get("checklist") is not None:
        values["checklist"] = [
            ChecklistItem(**item.model_dump(exclude={"id"}), id=item.id or PydanticObjectId())
            for item in values["checklist"]
        ]
    if values.get("recurrence") is not None:
        values["recurrence"] = Recurrence(**values["recurrence"].model_dump())
    return values
