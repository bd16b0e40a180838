"""Live chat: an account's widget keys, managed by its admins, and the capture of a visitor's
contact, asked for by the general socket with its service token."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.dependencies import Settings
from internal_api.live_chat import prospects, service
from internal_api.live_chat.schemas import (
    ProspectContactCreate,
    ProspectContactRead,
    WidgetCreate,
    WidgetRead,
    WidgetUpdate,
)
from internal_api.repository import mapped
from shared.utilities.auth import CurrentService, Principal, requires
from shared.utilities.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/live-chat", tags=["live chat"])

AccountAdmin = Annotated[Principal, Depends(requires("account:write"))]

SIGNED_IN = (Unauthorized, Forbidden)


@router.get(
    "/widgets",
    summary="The account's live-chat widgets",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_widgets(principal: AccountAdmin, paging: Paging) -> Page[WidgetRead]:
    return mapped(await service.list_widgets(principal, paging), WidgetRead.of)


@router.post(
    "/widgets",
    status_code=201,
    summary="Create a widget and its public key",
    description="Embed the `key` in the website; visitors connect to the general socket with "
    '`auth={"widget_key": key}` from one of `allowed_origins` (any origin when empty).',
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def create_widget(body: WidgetCreate, principal: AccountAdmin) -> WidgetRead:
    return WidgetRead.of(await service.create_widget(principal, body))


@router.get(
    "/widgets/{widget_id}",
    summary="One widget",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_widget(widget_id: str, principal: AccountAdmin) -> WidgetRead:
    return WidgetRead.of(await service.get_widget(principal, widget_id))


@router.patch(
    "/widgets/{widget_id}",
    summary="Rename a widget, change its origins, enable or disable it",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def update_widget(widget_id: str, body: WidgetUpdate, principal: AccountAdmin) -> WidgetRead:
    return WidgetRead.of(await service.update_widget(principal, widget_id, body))


@router.post(
    "/widgets/{widget_id}/rotate",
    summary="Give a widget a new key; the old one stops working",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def rotate_key(widget_id: str, principal: AccountAdmin) -> WidgetRead:
    return WidgetRead.of(await service.rotate_key(principal, widget_id))


@router.delete(
    "/widgets/{widget_id}",
    status_code=204,
    summary="Delete a widget",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_widget(widget_id: str, principal: AccountAdmin) -> Response:
    await service.delete_widget(principal, widget_id)
    return Response(status_code=204)


@router.post(
    "/prospect-contacts",
    summary="The contact of a visitor who left their email (service tokens only)",
    description="The account's live contact holding the email, or a new person with it "
    "(source `live_chat`).",
    responses=error_responses(Unauthorized, InvalidInput, Conflict),
)
async def capture_contact(
    body: ProspectContactCreate, _: CurrentService, settings: Settings, response: Response
) -> ProspectContactRead:
    contact, created = await prospects.contact_for(body, settings.default_phone_region)
    response.status_code = 201 if created else 200
    return ProspectContactRead(contact_id=str(contact.id), created=created)
