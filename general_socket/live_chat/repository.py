"""Every query of the live-chat socket: the widgets visitors connect through."""

from beanie import PydanticObjectId

from shared.models.live_chat_widget import LiveChatWidget


async def enabled_widget_by_key(key: str) -> LiveChatWidget | None:
    return await LiveChatWidget.find_one({"key": key, "enabled": True})


async def enabled_widget(
    account_id: PydanticObjectId, widget_id: PydanticObjectId
) -> LiveChatWidget | None:
    return await LiveChatWidget.find_one(
        {"_id": widget_id, "account_id": account_id, "enabled": True}
    )
