"""A message in a conversation, and the one way messages are appended.

`append_message` is the data rule both the REST API and the conversation socket post through:
a message carrying the sender's `client_id` is stored once however often it is resent (the
unique `dedupe_key`), the conversation's last message moves forward (never back), and the
sender has read their own message. `announce_message` then tells everyone who should know,
the same way from every service that stores messages.
"""

from enum import StrEnum
from typing import Any

from beanie import PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import ASCENDING, DESCENDING, IndexModel
from pymongo.errors import DuplicateKeyError

from shared.models.base import TenantDocument, utc_now
from shared.models.conversation import (
    PREVIEW_LENGTH,
    Conversation,
    ConversationKind,
    LastMessage,
)
from shared.models.conversation_room import advance_pointer
from shared.utilities.events import publish_event
from shared.utilities.outbox import emit
from shared.utilities.realtime import Socket, conversation_room

# Limits both the REST API and the socket check a new message against.
MAX_BODY_LENGTH = 10_000
MAX_ATTACHMENTS = 10
MAX_CLIENT_ID_LENGTH = 64


class SenderType(StrEnum):
    USER = "user"
    PROSPECT = "prospect"
    SYSTEM = "system"


class Attachment(BaseModel):
    """A reference to a stored file; `file_id` once files go through the storage integration,
    until then the file's URL."""

    url: str = Field(max_length=2048, pattern=r"^https?://")
    name: str = Field(max_length=255)
    content_type: str = Field("application/octet-stream", max_length=255)
    size_bytes: int | None = Field(None, ge=0)
    file_id: str | None = Field(None, max_length=64)


class ConversationMessage(TenantDocument):
    conversation_id: PydanticObjectId
    sender_type: SenderType
    sender_id: str
    body: str
    attachments: list[Attachment] = []
    client_id: str | None = None  # the sender's own id for the message, for idempotent resends
    # conversation:sender:client_id, unique; absent without a client id.
    dedupe_key: str | None = None

    class Settings:
        name = "conversation_messages"
        use_state_management = True
        keep_nulls = False  # so the sparse unique index holds only messages with a client id
        indexes = [
            # History pages (cursor on _id) and unread counts.
            IndexModel([("conversation_id", ASCENDING), ("_id", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("dedupe_key", ASCENDING)], unique=True, sparse=True),
        ]

    def as_event(self) -> dict[str, Any]:
        """The message as sockets and webhooks carry it, and as the REST API answers it."""
        return self.model_dump(mode="json", include=EVENT_FIELDS)


EVENT_FIELDS = {
    "id",
    "conversation_id",
    "sender_type",
    "sender_id",
    "body",
    "attachments",
    "client_id",
    "created_at",
}


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
    if key and (stored := await ConversationMessage.find_one({"dedupe_key": key})):
        return stored, False
    message = ConversationMessage(
        account_id=conversation.account_id,
        conversation_id=conversation.id,  # type: ignore[arg-type]
        sender_type=sender_type,
        sender_id=sender_id,
        body=body,
        attachments=attachments or [],
        client_id=client_id,
        dedupe_key=key,
    )
    try:
        await message.insert()
    except DuplicateKeyError:  # a concurrent resend stored it first
        return await ConversationMessage.find_one({"dedupe_key": key}), False  # type: ignore[return-value]
    await bump_last_message(conversation, message)
    await advance_pointer(conversation, sender_id, "last_read_message_id", message.id)  # type: ignore[arg-type]
    return message, True


def announce_message(conversation: Conversation, message: ConversationMessage) -> None:
    """`message:new` to the conversation's room on the conversation socket (and on the general
    socket, where a prospect's live-chat visitor listens) and `message.created` for webhooks;
    through the caller's outbox, so only once the caller's work has succeeded."""
    event = message.as_event()
    room = conversation_room(conversation.id)
    emit(Socket.CONVERSATION, "message:new", event, room)
    if conversation.kind == ConversationKind.PROSPECT:
        emit(Socket.GENERAL, "message:new", event, room)
    publish_event(conversation.account_id, "message.created", event)


async def bump_last_message(conversation: Conversation, message: ConversationMessage) -> None:
    """Move the conversation's last message to this one unless a newer one is already there
    (two replicas may store two messages at once)."""
    last = LastMessage(
        id=message.id,  # type: ignore[arg-type]
        sender_id=message.sender_id,
        body=message.body[:PREVIEW_LENGTH],
        created_at=message.created_at,
    )
    older = {"$or": [{"last_message": None}, {"last_message.id": {"$lt": message.id}}]}
    await Conversation.get_motor_collection().update_one(
        {"_id": conversation.id, **older},
        {
            "$set": {
                "last_message": last.model_dump(),
                "last_activity_at": message.created_at,
                "updated_at": utc_now(),
            }
        },
    )
    conversation.last_message = last
    conversation.last_activity_at = message.created_at


async def unread_count(
    conversation_id: PydanticObjectId, reader_id: str, last_read: PydanticObjectId | None
) -> int:
    """Messages from others after the reader's last-read pointer."""
    filters: dict[str, Any] = {"conversation_id": conversation_id, "sender_id": {"$ne": reader_id}}
    if last_read:
        filters["_id"] = {"$gt": last_read}
    return await ConversationMessage.find(filters).count()
