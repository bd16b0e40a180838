"""Appending a message, the one write path of every service that stores messages, and telling
everyone who should know.

`append_message` stores a message carrying the sender's `client_id` once however often it is
resent (the unique `dedupe_key`), moves the conversation's last message forward (never back)
and marks the sender as having read their own message. `announce_message` then sends it to
the conversation's socket rooms, to webhooks and to its offline followers, through the caller's
outbox, so only once the caller's work has succeeded. A support conversation's message carries
its delivery status and sets off what support needs instead of the followers' notice
(`shared.domain.support`).
"""

from typing import Any

from pymongo.errors import DuplicateKeyError

from shared.domain.messages import pointers, repository
from shared.domain.messages.followers import tell_followers
from shared.domain.support.posted import message_posted
from shared.domain.support.sides import delivery_for
from shared.models.conversation import PREVIEW_LENGTH, Conversation, ConversationKind, LastMessage
from shared.models.conversation_message import Attachment, ConversationMessage, SenderType
from shared.utilities.events import publish_event
from shared.utilities.outbox import emit
from shared.utilities.realtime import Socket, conversation_room


def dedupe_key(conversation_id: Any, sender_id: str, client_id: str | None) -> str | None:
    return f"{conversation_id}:{sender_id}:{client_id}" if client_id else None


async def append_message(
    conversation: Conversation,
    sender_type: SenderType,
    sender_id: str,
    body: str,
    attachments: list[Attachment] | None = None,
    client_id: str | None = None,
) -> tuple[ConversationMessage, bool]:
    """The stored message and whether this call created it (False: a resend of one stored)."""
    key = dedupe_key(conversation.id, sender_id, client_id)
    if key and (stored := await repository.message_by_dedupe_key(key)):
        return stored, False
    message = ConversationMessage(
        account_id=conversation.account_id,
        conversation_id=conversation.id,
        sender_type=sender_type,
        sender_id=sender_id,
        body=body,
        attachments=attachments or [],
        client_id=client_id,
        dedupe_key=key,
        delivery=await delivery_for(conversation, sender_type, sender_id),
    )
    try:
        await message.insert()
    except DuplicateKeyError:  # a concurrent resend stored it first
        resent = await repository.message_by_dedupe_key(key)
        assert resent is not None, "a duplicate key means it is stored"
        return resent, False
    await bump_last_message(conversation, message)
    await pointers.advance(conversation, sender_id, "last_read_message_id", message)
    return message, True


async def announce_message(conversation: Conversation, message: ConversationMessage) -> None:
    """`message:new` to the conversation's room on the conversation socket (and on the general
    socket, where a prospect's live-chat visitor listens), `message.created` for webhooks, and
    `new_message` to its followers who are offline (`followers`)."""
    event = message.as_event()
    room = conversation_room(conversation.id)
    emit(Socket.CONVERSATION, "message:new", event, room)
    if conversation.kind == ConversationKind.PROSPECT:
        emit(Socket.GENERAL, "message:new", event, room)
    publish_event(conversation.account_id, "message.created", event)
    if conversation.kind == ConversationKind.SUPPORT:
        await message_posted(conversation, message)
    else:
        await tell_followers(conversation, message)


async def bump_last_message(conversation: Conversation, message: ConversationMessage) -> None:
    """Move the conversation's last message to this one unless a newer one is already there
    (two replicas may store two messages at once)."""
    last = LastMessage(
        id=message.id,
        sender_id=message.sender_id,
        body=message.body[:PREVIEW_LENGTH],
        created_at=message.created_at,
    )
    await repository.move_last_message(conversation.id, last)
    conversation.last_message = last
    conversation.last_activity_at = message.created_at
