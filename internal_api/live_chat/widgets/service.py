"""Live-chat widgets of an account: the public keys a website embeds to open a visitor socket
on the general socket. Rotating a widget's key makes the old one stop working at once."""

import secrets

from internal_api.live_chat.widgets.repository import Widgets
from internal_api.live_chat.widgets.schemas import WidgetCreate, WidgetUpdate
from shared.models.live_chat_widget import LiveChatWidget
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams


def new_key() -> str:
    """128 random bits, URL-safe, marked as a widget key."""
    return f"lcw_{secrets.token_urlsafe(16)}"


async def create_widget(principal: Principal, data: WidgetCreate) -> LiveChatWidget:
    return await Widgets(principal.account_id).create(key=new_key(), **data.model_dump())


async def list_widgets(principal: Principal, params: PageParams) -> Page[LiveChatWidget]:
    return await Widgets(principal.account_id).paginate(params)


async def get_widget(principal: Principal, widget_id: str) -> LiveChatWidget:
    return await Widgets(principal.account_id).get(widget_id)


async def update_widget(principal: Principal, widget_id: str, data: WidgetUpdate) -> LiveChatWidget:
    widget = await get_widget(principal, widget_id)
    for name, value in data.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(widget, name, value)
    await widget.save()
    return widget


async def rotate_key(principal: Principal, widget_id: str) -> LiveChatWidget:
    widget = await get_widget(principal, widget_id)
    widget.key = new_key()
    await widget.save()
    return widget


async def delete_widget(principal: Principal, widget_id: str) -> None:
    await Widgets(principal.account_id).delete(widget_id)
