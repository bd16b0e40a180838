"""Payloads of the events clients send; anything else in them is refused."""

from pydantic import Field, model_validator

from shared.domain.messages.schemas import AttachmentWrite
from shared.models.conversation_message import (
    MAX_ATTACHMENTS,
    MAX_BODY_LENGTH,
    MAX_CLIENT_ID_LENGTH,
)
from shared.utilities.schemas import WriteModel

ObjectIdText = Field(pattern=r"^[0-9a-f]{24}$")


class Payload(WriteModel):
    """An event's payload, held to the request bodies' rules: unknown fields refused, every
    value storable."""


class NoPayload(Payload):
    pass


class ConversationRef(Payload):
    conversation_id: str = ObjectIdText


class MessageSend(ConversationRef):
    body: str = Field("", max_length=MAX_BODY_LENGTH)
    attachments: list[AttachmentWrite] = Field([], max_length=MAX_ATTACHMENTS)
    # The client's own id for the message: a resend with it stores and emits nothing new.
    client_id: str | None = Field(None, min_length=1, max_length=MAX_CLIENT_ID_LENGTH)

    @model_validator(mode="after")
    def has_content(self) -> "MessageSend":
        if not self.body.strip() and not self.attachments:
            raise ValueError("a message needs a body or an attachment")
        return self


class MessagePointer(ConversationRef):
    """A read receipt or a delivery confirmation, up to and including this message."""

    message_id: str = ObjectIdText
