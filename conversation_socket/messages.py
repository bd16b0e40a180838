"""Messages over the socket: stored first, then emitted to the conversation's room (through
the outbox, as the REST API does, so every replica delivers it) and published for webhooks;
read receipts and delivery confirmations move the participant's pointers and are relayed (and,
in a support conversation, move its messages' status: a job sent through the outbox)."""

from typing import Any

import socketio

from conversation_socket.schemas import MessagePointer, MessageSend
from shared.domain.messages import pointers
from shared.domain.messages.conversations import visible_conversation
from shared.domain.messages.posting import announce_message, append_message
from shared.models.base import utc_now
from shared.models.conversation_message import SenderType
from shared.models.conversation_room import Pointer
from shared.utilities.auth import Principal
from shared.utilities.outbox import Senders, collecting
from shared.utilities.realtime import conversation_room


async def send_message(senders: Senders, principal: Principal, payload: MessageSend) -> dict:
    """The stored message; a resend with the same client id answers the stored one and emits
    nothing again."""
    conversation = await visible_conversation(principal, payload.conversation_id)
    async with collecting(senders):
        message, created = await append_message(
            conversation,
            SenderType.USER,
            principal.sub,
            payload.body,
            payload.attachments,
            payload.client_id,
        )
        if created:
            await announce_message(conversation, message)
    return {"message": message.as_event(), "duplicate": not created}


async def confirm(
    sio: socketio.AsyncServer,
    senders: Senders,
    principal: Principal,
    payload: MessagePointer,
    pointer: Pointer,
    event: str,
) -> dict[str, Any]:
    """Move the user's read or delivered pointer up to the message and tell the room; an older
    message than the pointer already holds changes and announces nothing."""
    conversation = await visible_conversation(principal, payload.conversation_id)
    message = await pointers.message_in(conversation, payload.message_id)
    async with collecting(senders):
        moved = await pointers.receive(conversation, principal.sub, pointer, message)
    if moved:
        receipt = {
            "conversation_id": payload.conversation_id,
            "user_id": principal.sub,
            "message_id": payload.message_id,
            "at": utc_now().isoformat(),
        }
        await sio.emit(event, receipt, room=conversation_room(conversation.id))
    return {"moved": moved}
