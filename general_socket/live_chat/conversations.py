"""A visitor's prospect and its one prospect conversation, made when the visitor first writes
or leaves its details; its messages, told to everyone who follows the conversation.

A visitor's message goes to the conversation's room on both sockets (the account's users on
the conversation socket, the visitor on this one), a short notice to the account's room here,
and a `message.created` platform event, all once the message is stored.
"""

from general_socket.live_chat.tokens import Visitor
from general_socket.schemas import VisitorMessage
from shared.domain.messages.conversations import open_once, prospect_key
from shared.domain.messages.posting import announce_message, append_message
from shared.domain.messages.prospects import prospect_for, update_prospect
from shared.models.base import utc_now
from shared.models.conversation import PREVIEW_LENGTH, Conversation, ConversationKind
from shared.models.conversation_message import ConversationMessage, SenderType
from shared.models.conversation_prospect import ConversationProspect
from shared.utilities.outbox import emit
from shared.utilities.realtime import Socket, account_room


async def prospect_of(visitor: Visitor) -> ConversationProspect:
    return await prospect_for(visitor.account_id, visitor.sub, visitor.widget_id)


async def conversation_of(prospect: ConversationProspect) -> Conversation:
    """The prospect's one conversation, opened once however many tabs ask at the same time."""
    conversation, _ = await open_once(
        prospect_key(prospect.id),
        account_id=prospect.account_id,
        kind=ConversationKind.PROSPECT,
        prospect_id=prospect.id,
        title=prospect.name,
        last_activity_at=utc_now(),
    )
    return conversation


async def post_message(
    visitor: Visitor, payload: VisitorMessage
) -> tuple[Visitor, ConversationMessage, bool]:
    """The visitor (now with its conversation), the stored message, and whether this call
    stored it (False: a resend with the same client id, announced once already)."""
    prospect = await prospect_of(visitor)
    await update_prospect(prospect)
    conversation = await conversation_of(prospect)
    message, created = await append_message(
        conversation,
        SenderType.PROSPECT,
        str(prospect.id),
        payload.body,
        client_id=payload.client_id,
    )
    if created:
        await announce(conversation, message)
    placed = visitor.model_copy(
        update={"prospect_id": str(prospect.id), "conversation_id": str(conversation.id)}
    )
    return placed, message, created


async def announce(conversation: Conversation, message: ConversationMessage) -> None:
    await announce_message(conversation, message)
    notice = {
        "conversation_id": str(conversation.id),
        "message_id": str(message.id),
        "preview": message.body[:PREVIEW_LENGTH],
    }
    emit(Socket.GENERAL, "live_chat:message", notice, account_room(conversation.account_id))
