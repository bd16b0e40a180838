"""/v1/projects/templates: project templates, and projects made from them."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.dependencies import Settings
from internal_api.projects.auth import ProjectsRead, ProjectsWrite
from internal_api.projects.projects.schemas import ProjectRead
from internal_api.projects.repository import TemplateRepository
from internal_api.projects.templates import service
from internal_api.projects.templates.schemas import (
    Instantiation,
    TemplateCreate,
    TemplateRead,
    TemplateUpdate,
)
from shared.models.project import Project
from shared.models.project_template import ProjectTemplate
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/projects/templates", tags=["projects"])

TemplatePaging = Annotated[PageParams, Depends(sorted_by(TemplateRepository.sortable))]


@router.post(
    "",
    status_code=201,
    response_model=TemplateRead,
    summary="Build a project template",
    description="Its board's columns, and its tasks, each in a column (by index) and due a "
    "number of days after the project starts (422 names a task in no column).",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def create_template(body: TemplateCreate, principal: ProjectsWrite) -> ProjectTemplate:
    return await service.create_template(principal, body)


@router.get(
    "",
    response_model=Page[TemplateRead],
    summary="The account's project templates",
    responses=error_responses(*SIGNED_IN),
)
async def list_templates(principal: ProjectsRead, paging: TemplatePaging) -> Page[ProjectTemplate]:
    return await service.list_templates(principal, paging)


@router.get(
    "/{template_id}",
    response_model=TemplateRead,
    summary="One project template",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_template(template_id: str, principal: ProjectsRead) -> ProjectTemplate:
    return await service.get_template(principal, template_id)


@router.patch(
    "/{template_id}",
    response_model=TemplateRead,
    summary="Change a project template",
    description="Only the fields sent change; projects made from it stay as they are.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def update_template(
    template_id: str, body: TemplateUpdate, principal: ProjectsWrite
) -> ProjectTemplate:
    return await service.update_template(principal, template_id, body)


@router.delete(
    "/{template_id}",
    status_code=204,
    summary="Delete a project template",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_template(template_id: str, principal: ProjectsWrite) -> Response:
    await service.delete_template(principal, template_id)
    return Response(status_code=204)


@router.post(
    "/{template_id}/instantiate",
    status_code=201,
    response_model=ProjectRead,
    summary="Open a project from a template",
    description="In this account, or with `account_id` in one of its client sub-accounts "
    "(`account:write` needed; another account answers 404), where the client's users see it. "
    "Each task is due `due_in_days` after `starts_on` at `due_time` in `time_zone`.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def instantiate(
    template_id: str, body: Instantiation, principal: ProjectsWrite, settings: Settings
) -> Project:
    return await service.instantiate(principal, template_id, body, settings)
