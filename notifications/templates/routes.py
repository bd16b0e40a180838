"""The active account's templates: its own (CRUD), the default set, and a preview."""

from fastapi import APIRouter, Response

from notifications.dependencies import NotificationsReader, TemplatesWriter
from notifications.templates import service
from notifications.templates.defaults import DEFAULTS
from notifications.templates.schemas import (
    PreviewRead,
    PreviewRequest,
    TemplateCreate,
    TemplateRead,
    TemplateUpdate,
)
from shared.utilities.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/notifications/templates", tags=["notification templates"])


@router.get(
    "",
    summary="The account's own templates (each replaces a default), newest first",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def list_templates(principal: NotificationsReader, paging: Paging) -> Page[TemplateRead]:
    page = await service.list_templates(principal.account_id, paging)
    return Page[TemplateRead](
        data=[TemplateRead.of(template) for template in page.data], pagination=page.pagination
    )


@router.get(
    "/defaults",
    summary="The default set every account starts with",
    responses=error_responses(Unauthorized, Forbidden),
)
async def list_defaults(_: NotificationsReader) -> list[TemplateRead]:
    return [
        TemplateRead.of_default(event, channel, source)
        for (event, channel), source in DEFAULTS.items()
    ]


@router.post(
    "",
    status_code=201,
    summary="Give the account its own template for an event on a channel",
    responses=error_responses(Unauthorized, Forbidden, Conflict, InvalidInput),
)
async def create_template(principal: TemplatesWriter, body: TemplateCreate) -> TemplateRead:
    return TemplateRead.of(await service.create_template(principal.account_id, body))


@router.post(
    "/preview",
    summary="Render the template an event would use, with the account's branding",
    responses=error_responses(Unauthorized, Forbidden, NotFound, InvalidInput),
)
async def preview(principal: NotificationsReader, body: PreviewRequest) -> PreviewRead:
    rendered = await service.preview(principal.account_id, body.event, body.channel, body.data)
    return PreviewRead(subject=rendered.subject, text=rendered.text, html=rendered.html)


@router.get(
    "/{template_id}",
    summary="One of the account's templates",
    responses=error_responses(Unauthorized, Forbidden, NotFound),
)
async def read_template(principal: NotificationsReader, template_id: str) -> TemplateRead:
    return TemplateRead.of(await service.get_template(principal.account_id, template_id))


@router.patch(
    "/{template_id}",
    summary="Change one of the account's templates",
    responses=error_responses(Unauthorized, Forbidden, NotFound, InvalidInput),
)
async def update_template(
    principal: TemplatesWriter, template_id: str, body: TemplateUpdate
) -> TemplateRead:
    template = await service.update_template(principal.account_id, template_id, body)
    return TemplateRead.of(template)


@router.delete(
    "/{template_id}",
    status_code=204,
    summary="Remove the account's template; the default applies again",
    responses=error_responses(Unauthorized, Forbidden, NotFound),
)
async def delete_template(principal: TemplatesWriter, template_id: str) -> Response:
    await service.delete_template(principal.account_id, template_id)
    return Response(status_code=204)
