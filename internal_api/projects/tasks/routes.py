"""/v1/projects/{project_id}/tasks: a project's tasks, moved between columns, completed, with
their attachments."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.dependencies import Settings
from internal_api.projects.auth import ProjectsRead, ProjectsWrite
from internal_api.projects.tasks import service
from internal_api.projects.tasks.schemas import (
    AttachmentCreate,
    TaskCreate,
    TaskFilters,
    TaskMove,
    TaskUpdate,
)
from shared.domain.accounts.users import NotAccountUsers
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
from shared.domain.projects.repository import TaskRepository
from shared.domain.projects.schemas import TaskRead
from shared.models.project_task import ProjectTask
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/projects/{project_id}/tasks", tags=["projects"])

TaskPaging = Annotated[PageParams, Depends(sorted_by(TaskRepository.sortable))]
WRITE_ERRORS = (*SIGNED_IN, NotFound, ProjectArchived, InvalidInput)
TASK_ERRORS = (
    *WRITE_ERRORS,
    ColumnNotFound,
    ParentTaskNotFound,
    SubTaskDepth,
    NotAccountUsers,
    UnknownContact,
    UnknownDeal,
    RecurrenceNeedsDueDate,
)


@router.post(
    "",
    status_code=201,
    response_model=TaskRead,
    summary="Add a task",
    description="On the project's first board and in its first column unless named, at the "
    "end unless `position` says. The description is HTML, sanitised (a small safe set of "
    "tags is kept). Assignees are users of the account (each told, but the caller); the "
    "contact and deal are the account's; a sub-task's parent is a task of the project that is "
    "no sub-task. Moments without an offset are read in `time_zone` (the account's by "
    "default) and stored in UTC.",
    responses=error_responses(*TASK_ERRORS),
)
async def create_task(
    project_id: str, body: TaskCreate, principal: ProjectsWrite, settings: Settings
) -> ProjectTask:
    return await service.create_task(principal, project_id, body, settings)


@router.get(
    "",
    response_model=Page[TaskRead],
    summary="The project's tasks",
    description="Filtered by board, column, assignee, parent, label, completion and due date; "
    "`?column_id=...&sort=position` is a column in board order.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def list_tasks(
    project_id: str,
    principal: ProjectsRead,
    paging: TaskPaging,
    filters: Annotated[TaskFilters, Query()],
) -> Page[ProjectTask]:
    return await service.list_tasks(principal, project_id, paging, filters)


@router.get(
    "/{task_id}",
    response_model=TaskRead,
    summary="One task",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_task(project_id: str, task_id: str, principal: ProjectsRead) -> ProjectTask:
    return await service.get_task(principal, project_id, task_id)


@router.patch(
    "/{task_id}",
    response_model=TaskRead,
    summary="Change a task",
    description="Only the fields sent change; users newly assigned are told. A new reminder "
    "time is sent anew.",
    responses=error_responses(*TASK_ERRORS),
)
async def update_task(
    project_id: str, task_id: str, body: TaskUpdate, principal: ProjectsWrite
) -> ProjectTask:
    return await service.update_task(principal, project_id, task_id, body)


@router.post(
    "/{task_id}/move",
    response_model=TaskRead,
    summary="Move a task to a column (of any board of the project), at a position",
    description="The other tasks of both columns close up and make room. Into a done column "
    "the task is completed; out of one, reopened.",
    responses=error_responses(*WRITE_ERRORS, ColumnNotFound),
)
async def move_task(
    project_id: str, task_id: str, body: TaskMove, principal: ProjectsWrite
) -> ProjectTask:
    return await service.move_task(principal, project_id, task_id, body)


@router.post(
    "/{task_id}/complete",
    response_model=TaskRead,
    summary="Complete a task",
    responses=error_responses(*SIGNED_IN, NotFound, ProjectArchived),
)
async def complete_task(project_id: str, task_id: str, principal: ProjectsWrite) -> ProjectTask:
    return await service.set_completed(principal, project_id, task_id, done=True)


@router.post(
    "/{task_id}/reopen",
    response_model=TaskRead,
    summary="Reopen a completed task",
    responses=error_responses(*SIGNED_IN, NotFound, ProjectArchived),
)
async def reopen_task(project_id: str, task_id: str, principal: ProjectsWrite) -> ProjectTask:
    return await service.set_completed(principal, project_id, task_id, done=False)


@router.delete(
    "/{task_id}",
    status_code=204,
    summary="Delete a task, with its sub-tasks, comments and time entries",
    responses=error_responses(*SIGNED_IN, NotFound, ProjectArchived),
)
async def delete_task(project_id: str, task_id: str, principal: ProjectsWrite) -> Response:
    await service.delete_task(principal, project_id, task_id)
    return Response(status_code=204)


@router.post(
    "/{task_id}/attachments",
    status_code=201,
    response_model=TaskRead,
    summary="Attach a stored file",
    description="A reference to a file the account uploaded to its storage (the key "
    "`POST /v1/e/wasabi/uploads` gave); another account's key is refused.",
    responses=error_responses(*WRITE_ERRORS, ForeignAttachment),
)
async def add_attachment(
    project_id: str, task_id: str, body: AttachmentCreate, principal: ProjectsWrite
) -> ProjectTask:
    return await service.add_attachment(principal, project_id, task_id, body)


@router.delete(
    "/{task_id}/attachments/{attachment_id}",
    response_model=TaskRead,
    summary="Remove an attachment (the file stays in storage)",
    responses=error_responses(*SIGNED_IN, NotFound, ProjectArchived),
)
async def remove_attachment(
    project_id: str, task_id: str, attachment_id: str, principal: ProjectsWrite
) -> ProjectTask:
    return await service.remove_attachment(principal, project_id, task_id, attachment_id)
