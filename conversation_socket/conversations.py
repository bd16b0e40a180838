"""The conversations and messages a socket's user may act on: the shared visibility rule, so
another account's conversation is refused exactly like a missing one."""

from beanie import PydanticObjectId

from shared.models.conversation import Conversation, find_visible
from shared.models.conversation_message import ConversationMessage
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound


async def visible_conversation(principal: Principal, conversation_id: str) -> Conversation:
    conversation = await find_visible(conversation_id, principal.sub, principal.account_id)
    if conversation is None:
        raise NotFound(f"Conversation {conversation_id} does not exist.")
    return conversation


async def message_in(conversation: Conversation, message_id: str) -> ConversationMessage:
    message = await ConversationMessage.find_one(
        {"_id": PydanticObjectId(message_id), "conversation_id": conversation.id}
    )
    if message is None:
        raise NotFound(f"Message {message_id} does not exist in this conversation.")
    return message
