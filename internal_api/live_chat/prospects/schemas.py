from datetime import datetime
from typing import Annotated

from pydantic import Field

from internal_api.fields import Email
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel


class ProspectContactCreate(WriteModel):
    """A visitor who left their email, for the account the widget belongs to."""

    account_id: Annotated[str, Field(pattern=r"^[0-9a-f]{24}$")]
    email: Email
    name: Annotated[str, Field(max_length=200)] = ""


class ProspectContactRead(ReadModel):
    """`contact_id` is the new person's; None when a live contact already holds the email (the
    visitor may not be that contact: one of the account's users confirms it)."""

    contact_id: IdStr | None
    created: bool


class ProspectRead(DocumentRead):
    visitor_id: str
    name: str
    email: str | None = Field(description="as the visitor gave it: not proof of who they are")
    phone: str | None
    page_url: str | None
    contact_id: IdStr | None
    identity_pending: bool = Field(
        description="the email is a known contact's; confirm the visitor is that contact to "
        "link them"
    )
    last_seen_at: datetime | None
