"""/v1/templates: the library of site, funnel, page and email templates, and funnels made
from them."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.funnels.errors import SlugTaken
from internal_api.funnels.schemas import FunnelRead
from internal_api.templates import service
from internal_api.templates.auth import TemplatesRead, TemplatesWrite
from internal_api.templates.errors import (
    FunnelRequired,
    TemplateNotFound,
    TemplateNotUsable,
)
from internal_api.templates.repository import TemplateLibrary
from internal_api.templates.schemas import (
    Categories,
    Category,
    TemplateCreate,
    TemplateRead,
    TemplateSummary,
    TemplateUpdate,
    TemplateUse,
    Words,
)
from shared.domain.funnels.errors import FunnelNotFound
from shared.models.funnel import Funnel
from shared.models.template import Template, TemplateKind
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/templates", tags=["templates"])

TemplatePaging = Annotated[PageParams, Depends(sorted_by(TemplateLibrary.sortable, "name"))]
Kind = Annotated[TemplateKind | None, Query()]


@router.get(
    "",
    response_model=Page[TemplateSummary],
    summary="Search the library",
    description="The platform's templates, the agency's (offered to its sub-accounts) and the "
    "account's own; by `kind`, `category` and words (`q`, in the name, description or tags).",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def search_templates(
    principal: TemplatesRead,
    paging: TemplatePaging,
    kind: Kind = None,
    category: Annotated[Category | None, Query()] = None,
    q: Annotated[Words | None, Query()] = None,
) -> Page[Template]:
    return await service.search(principal, paging, kind, category, q)


@router.get(
    "/categories",
    response_model=Categories,
    summary="The library's categories (of one kind)",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_categories(principal: TemplatesRead, kind: Kind = None) -> Categories:
    return Categories(categories=await service.categories(principal, kind))


@router.post(
    "",
    status_code=201,
    response_model=TemplateRead,
    summary="Add a template of the account's own",
    description="An agency's templates are offered to its sub-accounts too. HTML is sanitised "
    "as it is stored.",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def create_template(body: TemplateCreate, principal: TemplatesWrite) -> Template:
    return await service.create_template(principal, body)


@router.get(
    "/{template_id}",
    response_model=TemplateRead,
    summary="One template, with its content",
    responses=error_responses(*SIGNED_IN, TemplateNotFound),
)
async def read_template(template_id: str, principal: TemplatesRead) -> Template:
    return await service.get_template(principal, template_id)


@router.patch(
    "/{template_id}",
    response_model=TemplateRead,
    summary="Change one of the account's own templates",
    description="The platform's and the agency's answer 404 here.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def update_template(
    template_id: str, body: TemplateUpdate, principal: TemplatesWrite
) -> Template:
    return await service.update_template(principal, template_id, body)


@router.delete(
    "/{template_id}",
    status_code=204,
    summary="Delete one of the account's own templates",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_template(template_id: str, principal: TemplatesWrite) -> Response:
    await service.delete_template(principal, template_id)
    return Response(status_code=204)


@router.post(
    "/{template_id}/use",
    status_code=201,
    response_model=FunnelRead,
    summary="Make a funnel or site from a template",
    description="A site or funnel template makes a new one of its steps, each page's draft "
    "the template's (publish each to show it). A page template adds a step to `funnel_id` "
    "(422 `funnel_required` without it). An email template makes no funnel (409).",
    responses=error_responses(
        *SIGNED_IN,
        TemplateNotFound,
        FunnelNotFound,
        FunnelRequired,
        TemplateNotUsable,
        SlugTaken,
        InvalidInput,
    ),
)
async def use_template(template_id: str, body: TemplateUse, principal: TemplatesWrite) -> Funnel:
    return await service.use_template(principal, template_id, body)
