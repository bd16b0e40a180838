from typing import Annotated, Any

from pydantic import Field, field_validator

from shared.utilities.schemas import DocumentRead, IdStr, WriteModel

Markdown = Annotated[str, Field(min_length=1, max_length=20_000, description="markdown text")]


class NoteCreate(WriteModel):
    body: Markdown
    pinned: bool = False


class NoteUpdate(WriteModel):
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


class NoteRead(DocumentRead):
    contact_id: IdStr | None
    deal_id: IdStr | None
    author_id: IdStr
    body: str
    pinned: bool
