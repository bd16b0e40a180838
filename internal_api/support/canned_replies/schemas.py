from typing import Annotated

from pydantic import Field, StringConstraints

from internal_api.support.placeholders import ReplyText
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Shortcut = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]
PLACEHOLDERS = "may hold placeholders: {{ customer_first_name }} (GET .../placeholders lists them)"


class CannedReplyCreate(WriteModel):
    title: Title
    shortcut: Shortcut = Field(description="what a teammate types to find it: `refund`")
    body: ReplyText = Field(description=PLACEHOLDERS)


class CannedReplyUpdate(WriteModel):
    """Only the fields sent change."""

    title: Title | None = None
    shortcut: Shortcut | None = None
    body: ReplyText | None = Field(None, description=PLACEHOLDERS)


class CannedReplyRead(DocumentRead):
    account_id: IdStr
    title: str
    shortcut: str
    body: str
    created_by: str


class FilledReply(ReadModel):
    """A canned reply filled for a conversation, for the teammate to send as it is or edit."""

    canned_reply_id: IdStr
    body: str


class Placeholder(ReadModel):
    name: str
    description: str
