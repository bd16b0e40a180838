"""/v1/projects: the account's projects."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.projects.auth import ProjectsRead, ProjectsWrite
from internal_api.projects.projects import service
from internal_api.projects.projects.schemas import ProjectCreate, ProjectRead, ProjectUpdate
from shared.domain.projects.errors import ProjectArchived
from shared.domain.projects.repository import ProjectRepository
from shared.models.project import Project
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/projects", tags=["projects"])

ProjectPaging = Annotated[PageParams, Depends(sorted_by(ProjectRepository.sortable))]


@router.post(
    "",
    status_code=201,
    response_model=ProjectRead,
    summary="Open a project",
    description="With a first board of the columns given (To do, In progress, Done by "
    "default). A client's project is opened in the client's sub-account (switch to it), or "
    "from a template (`POST /v1/projects/templates/{id}/instantiate`).",
    responses=error_responses(*SIGNED_IN),
)
async def create_project(body: ProjectCreate, principal: ProjectsWrite) -> Project:
    return await service.create_project(principal, body)


@router.get(
    "",
    response_model=Page[ProjectRead],
    summary="The account's projects",
    responses=error_responses(*SIGNED_IN),
)
async def list_projects(
    principal: ProjectsRead,
    paging: ProjectPaging,
    archived: Annotated[bool, Query(description="the archived projects instead")] = False,
) -> Page[Project]:
    return await service.list_projects(principal, paging, archived)


@router.get(
    "/{project_id}",
    response_model=ProjectRead,
    summary="One project",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_project(project_id: str, principal: ProjectsRead) -> Project:
    return await service.get_project(principal, project_id)


@router.patch(
    "/{project_id}",
    response_model=ProjectRead,
    summary="Rename or describe a project",
    responses=error_responses(*SIGNED_IN, NotFound, ProjectArchived),
)
async def update_project(project_id: str, body: ProjectUpdate, principal: ProjectsWrite) -> Project:
    return await service.update_project(principal, project_id, body)


@router.delete(
    "/{project_id}",
    status_code=204,
    summary="Archive a project",
    description="Kept with its boards and tasks, which take no changes from then on.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def archive_project(project_id: str, principal: ProjectsWrite) -> Response:
    await service.archive_project(principal, project_id)
    return Response(status_code=204)
