from datetime import datetime

from pydantic import BaseModel, EmailStr, Field

from internal_api.conversation_v2.conversations.reading import Reading
from shared.models.conversation import ConversationKind

ObjectIdText = Field(pattern=r"^[0-9a-f]{24}$")


class DirectCreate(BaseModel):
    """The other user; the caller is the first participant."""

    user_id: str = ObjectIdText


class ClientConversationCreate(BaseModel):
    """A conversation between an agency and one of its sub-accounts; `sub_account_id` is
    needed when the caller acts in the agency, and is their own account otherwise."""

    sub_account_id: str | None = Field(None, pattern=r"^[0-9a-f]{24}$")
    title: str = Field("", max_length=200)


class ProspectConversationCreate(BaseModel):
    """A conversation with a website visitor, known by the widget's visitor id."""

    visitor_id: str = Field(min_length=1, max_length=128)
    name: str = Field("", max_length=200)
    email: EmailStr | None = None
    phone: str | None = Field(None, max_length=32)
    page_url: str | None = Field(None, max_length=2048)


class LastMessageRead(BaseModel):
    id: str
    sender_id: str
    body: str
    created_at: datetime


class ConversationRead(BaseModel):
    id: str
    account_id: str
    kind: ConversationKind
    title: str
    participant_ids: list[str]
    agency_account_id: str | None
    prospect_id: str | None
    last_message: LastMessageRead | None
    last_activity_at: datetime | None
    created_at: datetime
    # The caller's own reading state.
    unread_count: int
    last_read_message_id: str | None

    @classmethod
    def of(cls, reading: Reading) -> "ConversationRead":
        # JSON mode turns every id into its string.
        fields = reading.conversation.model_dump(mode="json")
        last_read = reading.last_read_message_id
        return cls.model_validate(
            {
                **fields,
                "unread_count": reading.unread_count,
                "last_read_message_id": str(last_read) if last_read else None,
            }
        )
