"""The active account's templates: its own (CRUD), the default set, and a preview."""

from fastapi import APIRouter, Response

from notifications.dependencies import Renderer, Settings
from notifications.templates import service
from notifications.templates.auth import TemplatesAdmin, TemplatesRead
from notifications.templates.defaults import DefaultTemplate
from notifications.templates.errors import (
    HtmlNotForChannel,
    InvalidTemplate,
    MissingVariables,
    TemplateExists,
    TemplateNotFound,
    TemplateNotRenderable,
    TemplateOverLimit,
    UnsafeLink,
)
from notifications.templates.rendering import Rendered
from notifications.templates.schemas import (
    DefaultTemplateRead,
    PreviewRead,
    PreviewRequest,
    TemplateCreate,
    TemplateRead,
    TemplateUpdate,
)
from shared.models.notification_template import NotificationTemplate
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/notifications/templates", tags=["notification templates"])

SAVE_ERRORS = (HtmlNotForChannel, InvalidTemplate, TemplateOverLimit)
RENDER_ERRORS = (MissingVariables, TemplateNotRenderable, TemplateOverLimit, UnsafeLink)


@router.get(
    "",
    response_model=Page[TemplateRead],
    summary="The account's own templates (each replaces a default), newest first",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_templates(principal: TemplatesRead, paging: Paging) -> Page[NotificationTemplate]:
    return await service.list_templates(principal.account_id, paging)


@router.get(
    "/defaults",
    response_model=list[DefaultTemplateRead],
    summary="The default set every account starts with",
    responses=error_responses(*SIGNED_IN),
)
async def list_defaults(_: TemplatesRead) -> tuple[DefaultTemplate, ...]:
    return service.default_templates()


@router.post(
    "",
    status_code=201,
    response_model=TemplateRead,
    summary="Give the account its own template for an event on a channel",
    description="The sources are checked (Jinja2 syntax, HTML for email only) and rendered "
    "once with stand-in data: a template over a limit whatever its data is refused "
    "(`template_over_limit`).",
    responses=error_responses(*SIGNED_IN, TemplateExists, *SAVE_ERRORS),
)
async def create_template(
    principal: TemplatesAdmin, renderer: Renderer, body: TemplateCreate
) -> NotificationTemplate:
    return await service.create_template(renderer, principal.account_id, body)


@router.post(
    "/preview",
    response_model=PreviewRead,
    summary="Render the template an event would use, with the account's branding",
    responses=error_responses(*SIGNED_IN, TemplateNotFound, *RENDER_ERRORS),
)
async def preview(
    principal: TemplatesRead, renderer: Renderer, settings: Settings, body: PreviewRequest
) -> Rendered:
    return await service.preview(
        renderer, settings, principal.account_id, body.event, body.channel, body.data
    )


@router.get(
    "/{template_id}",
    response_model=TemplateRead,
    summary="One of the account's templates",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_template(principal: TemplatesRead, template_id: str) -> NotificationTemplate:
    return await service.get_template(principal.account_id, template_id)


@router.patch(
    "/{template_id}",
    response_model=TemplateRead,
    summary="Change one of the account's templates",
    responses=error_responses(*SIGNED_IN, NotFound, *SAVE_ERRORS),
)
async def update_template(
    principal: TemplatesAdmin, renderer: Renderer, template_id: str, body: TemplateUpdate
) -> NotificationTemplate:
    return await service.update_template(renderer, principal.account_id, template_id, body)


@router.delete(
    "/{template_id}",
    status_code=204,
    summary="Remove the account's template; the default applies again",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_template(principal: TemplatesAdmin, template_id: str) -> Response:
    await service.delete_template(principal.account_id, template_id)
    return Response(status_code=204)
