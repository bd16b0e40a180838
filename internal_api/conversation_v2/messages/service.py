"""Reading history, posting messages, marking them read and searching them.

A message posted here is stored with the same rule as over the socket
(`shared.domain.messages.posting`), then emitted as `message:new` to the conversation's room
and published as `message.created`, both leaving only when the request succeeds."""

import re

from beanie import PydanticObjectId

from internal_api.conversation_v2.conversations.reading import Reading, reading
from internal_api.conversation_v2.conversations.repository import VisibleConversations
from internal_api.conversation_v2.messages.repository import MessagesIn
from internal_api.conversation_v2.messages.schemas import MessageCreate, ReadCreate
from shared.domain.messages import pointers
from shared.domain.messages.conversations import visible_conversation
from shared.domain.messages.posting import announce_message, append_message
from shared.models.base import utc_now
from shared.models.conversation_message import ConversationMessage, SenderType
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput
from shared.utilities.outbox import emit
from shared.utilities.pagination import Page, PageParams
from shared.utilities.realtime import Socket, conversation_room
from shared.utilities.repository import object_id


def cursor(name: str, value: str | None) -> PydanticObjectId | None:
    if value is None:
        return None
    if (oid := object_id(value)) is None:
        raise InvalidInput(
            f"{name} is not a message id.",
            details=[{"field": name, "message": "not an id"}],
            location="query",
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
        raise InvalidInput(
            "Page before or after a message, not both.",
            details=[{"field": "after", "message": "not with before"}],
            location="query",
        )
    conversation = await visible_conversation(principal, conversation_id)
    messages = MessagesIn([conversation.id])
    found = await messages.window(cursor("after", after), cursor("before", before), limit)
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
        await announce_message(conversation, message)
    return message, created


async def mark_read(principal: Principal, conversation_id: str, body: ReadCreate) -> Reading:
    """Move the user's last-read pointer up to the message (never back) and tell the room."""
    conversation = await visible_conversation(principal, conversation_id)
    message = await pointers.message_in(conversation, body.message_id)
    if await pointers.receive(conversation, principal.sub, "last_read_message_id", message):
        receipt = {
            "conversation_id": conversation_id,
            "user_id": principal.sub,
            "message_id": body.message_id,
            "at": utc_now().isoformat(),
        }
        emit(Socket.CONVERSATION, "message:read", receipt, conversation_room(conversation.id))
    return await reading(principal.sub, conversation)


async def search(
    principal: Principal, text: str, params: PageParams, conversation_id: str | None
) -> Page[ConversationMessage]:
    """Messages containing the text (any case) in the conversations the user reads."""
    conversations = VisibleConversations(principal)
    if conversation_id:
        ids = [(await conversations.get(conversation_id)).id]
    else:
        ids = await conversations.ids()
    matching = {"body": {"$regex": re.escape(text), "$options": "i"}}
    return await MessagesIn(ids).paginate(params, matching)
