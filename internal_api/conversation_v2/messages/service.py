"""Reading history, posting messages, marking them read and searching them.

A message posted here is stored with the same rule as over the socket
(`shared.models.conversation_message.append_message`), then emitted as `message:new` to the
conversation's room and published as `message.created`, both leaving only when the request
succeeds."""

import re
from collections.abc import Mapping
from typing import Any

from beanie import PydanticObjectId

from internal_api.conversation_v2.access import VisibleConversations, visible_conversation
from internal_api.conversation_v2.conversations.reading import Reading, reading
from internal_api.conversation_v2.messages.schemas import MessageCreate, ReadCreate
from shared.models.base import utc_now
from shared.models.conversation_message import (
    ConversationMessage,
    SenderType,
    announce_message,
    append_message,
)
from shared.models.conversation_room import advance_pointer
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput, NotFound
from shared.utilities.outbox import emit
from shared.utilities.pagination import Page, PageParams
from shared.utilities.realtime import Socket, conversation_room
from shared.utilities.repository import TenantRepository, object_id


def cursor(name: str, value: str | None) -> PydanticObjectId | None:
    if value is None:
        return None
    if (oid := object_id(value)) is None:
        raise InvalidInput(
            f"{name} is not a message id.", details=[{"field": name, "message": "not an id"}]
        )
    return oid


async def history(
    principal: Principal,
    conversation_id: str,
    before: str | None,
    after: str | None,
    limit: int,
) -> tuple[list[ConversationMessage], str | None]:
    """Newest first (before a message, or from the newest); or oldest first after a message,
    which is how a reconnecting client catches up from its last-read pointer. Returns the
    messages and the cursor that continues in the same direction, None at the end."""
    if before and after:
        raise InvalidInput("Page before or after a message, not both.")
    conversation = await visible_conversation(principal, conversation_id)
    filters: dict[str, Any] = {"conversation_id": conversation.id}
    if start := cursor("after", after):
        filters["_id"] = {"$gt": start}
        order = "+_id"
    else:
        if end := cursor("before", before):
            filters["_id"] = {"$lt": end}
        order = "-_id"
    found = await ConversationMessage.find(filters).sort(order).limit(limit).to_list()
    return found, str(found[-1].id) if len(found) == limit else None


async def post_message(
    principal: Principal, conversation_id: str, body: MessageCreate
) -> tuple[ConversationMessage, bool]:
    """The stored message and whether this call stored it (False: a resend)."""
    conversation = await visible_conversation(principal, conversation_id)
    message, created = await append_message(
        conversation, SenderType.USER, principal.sub, body.body, body.attachments, body.client_id
    )
    if created:
        announce_message(conversation, message)
    return message, created


async def mark_read(principal: Principal, conversation_id: str, body: ReadCreate) -> Reading:
    """Move the user's last-read pointer up to the message (never back) and tell the room."""
    conversation = await visible_conversation(principal, conversation_id)
    message_id = PydanticObjectId(body.message_id)
    if not await ConversationMessage.find(
        {"_id": message_id, "conversation_id": conversation.id}
    ).count():
        raise NotFound(f"Message {body.message_id} does not exist in this conversation.")
    if await advance_pointer(conversation, principal.sub, "last_read_message_id", message_id):
        receipt = {
            "conversation_id": conversation_id,
            "user_id": principal.sub,
            "message_id": body.message_id,
            "at": utc_now().isoformat(),
        }
        emit(Socket.CONVERSATION, "message:read", receipt, conversation_room(conversation.id))
    return await reading(principal.sub, conversation)


class MessagesIn(TenantRepository[ConversationMessage]):
    """Messages of the given conversations, which the caller has been allowed to read (a
    client conversation's messages belong to the sub-account, read from the agency too)."""

    def __init__(self, conversation_ids: list[PydanticObjectId]) -> None:
        self.model = ConversationMessage
        self.conversation_ids = conversation_ids

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**(filters or {}), "conversation_id": {"$in": self.conversation_ids}}


async def search(
    principal: Principal, text: str, params: PageParams, conversation_id: str | None
) -> Page[ConversationMessage]:
    """Messages containing the text (any case) in the conversations the user reads, newest
    first."""
    conversations = VisibleConversations(principal)
    if conversation_id:
        ids = [(await conversations.get(conversation_id)).id]
    else:
        ids = await conversations.ids()
    newest_first = params.model_copy(update={"sort": "-created_at"})
    matching = {"body": {"$regex": re.escape(text), "$options": "i"}}
    return await MessagesIn(ids).paginate(newest_first, matching)  # type: ignore[arg-type]
