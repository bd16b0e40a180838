from datetime import datetime
from typing import Annotated

from pydantic import EmailStr, Field

from shared.models.conversation import ConversationKind
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

ObjectIdText = Annotated[str, Field(pattern=r"^[0-9a-f]{24}$")]


class DirectCreate(WriteModel):
    """The other user; the caller is the first participant."""

    user_id: ObjectIdText


class ClientConversationCreate(WriteModel):
    """A conversation between an agency and one of its sub-accounts; `sub_account_id` is
    needed when the caller acts in the agency, and is their own account otherwise."""

    sub_account_id: ObjectIdText | None = None
    title: str = Field("", max_length=200)


class ProspectConversationCreate(WriteModel):
    """A conversation with a website visitor, known by the widget's visitor id."""

    visitor_id: str = Field(min_length=1, max_length=128)
    name: str = Field("", max_length=200)
    email: EmailStr | None = None
    phone: str | None = Field(None, max_length=32)
    page_url: str | None = Field(None, max_length=2048)


class LastMessageRead(ReadModel):
    id: IdStr
    sender_id: str
    body: str
    created_at: datetime


class ConversationRead(DocumentRead):
    id: IdStr = Field(
        description="the id to join on the conversation socket (`conversation:join`) and to "
        "post messages to"
    )
    account_id: IdStr
    kind: ConversationKind
    title: str
    participant_ids: list[IdStr]
    agency_account_id: IdStr | None
    prospect_id: IdStr | None
    last_message: LastMessageRead | None
    last_activity_at: datetime | None
    # The caller's own reading state.
    unread_count: int
    last_read_message_id: IdStr | None
