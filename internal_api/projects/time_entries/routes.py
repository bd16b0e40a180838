"""/v1/projects/{project_id}/tasks/{task_id}/time-entries: time spent on a task."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.projects.auth import ProjectsRead, ProjectsWrite
from internal_api.projects.errors import NotTimeEntryOwner
from internal_api.projects.repository import TimeEntryRepository
from internal_api.projects.time_entries import service
from internal_api.projects.time_entries.schemas import TimeEntryCreate, TimeEntryRead
from shared.domain.accounts.users import NotAccountUsers
from shared.domain.projects.errors import ProjectArchived
from shared.models.project_time_entry import TimeEntry
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(
    prefix="/v1/projects/{project_id}/tasks/{task_id}/time-entries", tags=["projects"]
)

TimePaging = Annotated[PageParams, Depends(sorted_by(TimeEntryRepository.sortable, "-date"))]


@router.post(
    "",
    status_code=201,
    response_model=TimeEntryRead,
    summary="Log time on a task",
    description="For the caller, or another user of the account; added to the task's "
    "`logged_minutes`.",
    responses=error_responses(*SIGNED_IN, NotFound, NotAccountUsers, ProjectArchived),
)
async def log_time(
    project_id: str, task_id: str, body: TimeEntryCreate, principal: ProjectsWrite
) -> TimeEntry:
    return await service.log_time(principal, project_id, task_id, body)


@router.get(
    "",
    response_model=Page[TimeEntryRead],
    summary="A task's time entries, latest day first",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def list_time(
    project_id: str, task_id: str, principal: ProjectsRead, paging: TimePaging
) -> Page[TimeEntry]:
    return await service.list_time(principal, project_id, task_id, paging)


@router.delete(
    "/{entry_id}",
    status_code=204,
    summary="Delete a time entry (one's own, or any for an admin)",
    responses=error_responses(*SIGNED_IN, NotFound, ProjectArchived, NotTimeEntryOwner),
)
async def delete_time(
    project_id: str, task_id: str, entry_id: str, principal: ProjectsWrite
) -> Response:
    await service.delete_time(principal, project_id, task_id, entry_id)
    return Response(status_code=204)
