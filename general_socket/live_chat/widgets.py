"""Which widget a visitor connects through, and whether its page's origin may use it."""

from beanie import PydanticObjectId

from general_socket.live_chat import repository
from shared.models.live_chat_widget import LiveChatWidget
from shared.utilities.errors import Unauthorized
from shared.utilities.repository import object_id
from shared.utilities.sockets import check_origin


async def widget_by_key(key: str) -> LiveChatWidget:
    widget = await repository.enabled_widget_by_key(key)
    if widget is None:
        raise Unauthorized("The widget key is unknown or disabled.")
    return widget


async def widget_of(account_id: str, widget_id: str) -> LiveChatWidget:
    """The visitor's widget, as long as it is still enabled in the visitor's account."""
    oid = object_id(widget_id)
    widget = await repository.enabled_widget(PydanticObjectId(account_id), oid) if oid else None
    if widget is None:
        raise Unauthorized("The widget is gone or disabled.")
    return widget


def check_widget_origin(widget: LiveChatWidget, origin: str | None) -> None:
    """A widget limited to some origins opens only from a page of one of them (as the browser
    names it in `Origin`; a client sending none is refused); a widget without any takes every
    site."""
    if widget.allowed_origins:
        check_origin(origin, widget.allowed_origins, required=True)
