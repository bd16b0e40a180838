from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, Field, field_validator

from shared.models.crm_note import CrmNote

Markdown = Annotated[str, Field(min_length=1, max_length=20_000, description="markdown text")]


class NoteCreate(BaseModel):
    body: Markdown
    pinned: bool = False


class NoteUpdate(BaseModel):
    """Only the fields sent change."""

    body: Markdown | None = None
    pinned: bool | None = None

    # Runs only on fields sent.
    @field_validator("body", "pinned")
    @classmethod
    def not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("cannot be null")
        return value


class NoteRead(BaseModel):
    id: str
    contact_id: str | None
    deal_id: str | None
    author_id: str
    body: str
    pinned: bool
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, note: CrmNote) -> "NoteRead":
        # JSON mode turns every id into its string.
        return cls.model_validate(note.model_dump(mode="json"))
