"""An account's live-chat widget keys, managed by its admins."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.live_chat.auth import WidgetsAdmin
from internal_api.live_chat.widgets import service
from internal_api.live_chat.widgets.repository import Widgets
from internal_api.live_chat.widgets.schemas import WidgetCreate, WidgetRead, WidgetUpdate
from shared.models.live_chat_widget import LiveChatWidget
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/widgets", tags=["live chat"])

WidgetPaging = Annotated[PageParams, Depends(sorted_by(Widgets.sortable))]


@router.get(
    "",
    response_model=Page[WidgetRead],
    summary="The account's live-chat widgets",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_widgets(principal: WidgetsAdmin, paging: WidgetPaging) -> Page[LiveChatWidget]:
    return await service.list_widgets(principal, paging)


@router.post(
    "",
    status_code=201,
    response_model=WidgetRead,
    summary="Create a widget and its public key",
    description="Embed the `key` in the website; visitors connect to the general socket with "
    '`auth={"widget_key": key}` from one of `allowed_origins` (any origin when empty).',
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def create_widget(body: WidgetCreate, principal: WidgetsAdmin) -> LiveChatWidget:
    return await service.create_widget(principal, body)


@router.get(
    "/{widget_id}",
    response_model=WidgetRead,
    summary="One widget",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_widget(widget_id: str, principal: WidgetsAdmin) -> LiveChatWidget:
    return await service.get_widget(principal, widget_id)


@router.patch(
    "/{widget_id}",
    response_model=WidgetRead,
    summary="Rename a widget, change its origins, enable or disable it",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def update_widget(
    widget_id: str, body: WidgetUpdate, principal: WidgetsAdmin
) -> LiveChatWidget:
    return await service.update_widget(principal, widget_id, body)


@router.post(
    "/{widget_id}/rotate",
    response_model=WidgetRead,
    summary="Give a widget a new key; the old one stops working",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def rotate_key(widget_id: str, principal: WidgetsAdmin) -> LiveChatWidget:
    return await service.rotate_key(principal, widget_id)


@router.delete(
    "/{widget_id}",
    status_code=204,
    summary="Delete a widget",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_widget(widget_id: str, principal: WidgetsAdmin) -> Response:
    await service.delete_widget(principal, widget_id)
    return Response(status_code=204)
