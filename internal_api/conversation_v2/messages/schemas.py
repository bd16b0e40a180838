from datetime import datetime
from typing import Annotated

from pydantic import Field, model_validator

from shared.domain.messages.schemas import AttachmentWrite
from shared.models.conversation_message import (
    MAX_ATTACHMENTS,
    MAX_BODY_LENGTH,
    MAX_CLIENT_ID_LENGTH,
    Attachment,
    MessageDelivery,
    SenderType,
)
from shared.utilities.schemas import IdStr, ReadModel, WriteModel


class MessageCreate(WriteModel):
    body: str = Field("", max_length=MAX_BODY_LENGTH)
    # References to stored files (a URL until uploads go through the storage integration).
    attachments: list[AttachmentWrite] = Field([], max_length=MAX_ATTACHMENTS)
    client_id: str | None = Field(
        None,
        min_length=1,
        max_length=MAX_CLIENT_ID_LENGTH,
        description="the client's own id: posting again with it answers the stored message",
    )

    @model_validator(mode="after")
    def has_content(self) -> "MessageCreate":
        if not self.body.strip() and not self.attachments:
            raise ValueError("a message needs a body or an attachment")
        return self


class ReadCreate(WriteModel):
    """Everything up to and including this message is read."""

    message_id: Annotated[str, Field(pattern=r"^[0-9a-f]{24}$")]


class MessageRead(ReadModel):
    """A message as the API answers it, and as the sockets and webhooks carry it
    (`ConversationMessage.as_event`)."""

    id: IdStr
    conversation_id: IdStr
    sender_type: SenderType
    sender_id: str
    body: str
    attachments: list[Attachment]
    client_id: str | None
    created_at: datetime
    delivery: MessageDelivery | None = Field(
        None, description="a support conversation's message: sent, delivered or read"
    )


class MessageWindow(ReadModel):
    """A page of history; `next_cursor` continues in the same direction (as `before` for
    newest first, as `after` for oldest first), None at the end."""

    data: list[MessageRead]
    next_cursor: str | None
