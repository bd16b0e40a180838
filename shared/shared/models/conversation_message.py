"""A message in a conversation. Every service appends messages through
`shared.domain.messages.posting`."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from beanie import PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument

# Limits both the REST API and the socket check a new message against.
MAX_BODY_LENGTH = 10_000
MAX_ATTACHMENTS = 10
MAX_CLIENT_ID_LENGTH = 64


class SenderType(StrEnum):
    USER = "user"
    PROSPECT = "prospect"
    SYSTEM = "system"


class Side(StrEnum):
    """Who a support conversation's message is from: the supported account's users, or the
    team supporting it (its users and its bot)."""

    CUSTOMER = "customer"
    SUPPORT = "support"


class MessageStatus(StrEnum):
    SENT = "sent"  # stored
    DELIVERED = "delivered"  # reached someone on the other side
    READ = "read"  # read by someone on the other side


class MessageDelivery(BaseModel):
    """What became of a support conversation's message on the other side; moved only forward
    (`shared.domain.support.statuses`, queue QM_SUPPORT_MESSAGE_STATUS)."""

    sender_side: Side
    status: MessageStatus = MessageStatus.SENT
    delivered_at: datetime | None = None
    read_at: datetime | None = None


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
    delivery: MessageDelivery | None = None  # support conversations' messages only

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
    "delivery",
}
