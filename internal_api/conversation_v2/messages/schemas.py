from datetime import datetime

from pydantic import BaseModel, Field, model_validator

from shared.models.conversation_message import (
    MAX_ATTACHMENTS,
    MAX_BODY_LENGTH,
    MAX_CLIENT_ID_LENGTH,
    Attachment,
    ConversationMessage,
    SenderType,
)

ObjectIdText = Field(pattern=r"^[0-9a-f]{24}$")


class MessageCreate(BaseModel):
    body: str = Field("", max_length=MAX_BODY_LENGTH)
    # References to stored files (a URL until uploads go through the storage integration).
    attachments: list[Attachment] = Field([], max_length=MAX_ATTACHMENTS)
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


class ReadCreate(BaseModel):
    """Everything up to and including this message is read."""

    message_id: str = ObjectIdText


class MessageRead(BaseModel):
    id: str
    conversation_id: str
    sender_type: SenderType
    sender_id: str
    body: str
    attachments: list[Attachment]
    client_id: str | None
    created_at: datetime

    @classmethod
    def of(cls, message: ConversationMessage) -> "MessageRead":
        return cls.model_validate(message.as_event())


class MessageWindow(BaseModel):
    """A page of history; `next_cursor` continues in the same direction (as `before` for
    newest first, as `after` for oldest first), None at the end."""

    data: list[MessageRead]
    next_cursor: str | None
