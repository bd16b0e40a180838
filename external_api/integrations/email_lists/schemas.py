from datetime import datetime
from typing import Annotated

from fastapi import Path
from pydantic import BaseModel, Field

from shared.utilities.schemas import DocumentRead, WriteModel

ListId = Annotated[
    str,
    Path(
        pattern=r"^[0-9a-zA-Z-]{1,64}$",
        description="the provider's list id (a Mailchimp audience's, a Constant Contact list's)",
    ),
]


class AudienceSyncCreate(WriteModel):
    tag: str = Field(min_length=1, max_length=100, description="the CRM tag whose contacts join")


class AudienceSyncRead(DocumentRead):
    list_id: str
    tag: str
    last_run_at: datetime | None
    last_counts: dict[str, int]


class SyncRunCreate(BaseModel):
    """The queue manager's: one contact's change, or (no contact) the whole tag."""

    account_id: str = Field(pattern=r"^[0-9a-f]{24}$")
    contact_id: str = Field("", pattern=r"^([0-9a-f]{24})?$")


class SyncRunRead(BaseModel):
    subscribed: int = 0
    updated: int = 0
    unsubscribed: int = 0
    archived: int = 0
    refused: int = 0
