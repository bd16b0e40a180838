"""The bases every request and answer schema is built on.

- `WriteModel`: a request body. Unknown fields are refused (422 naming them, so `fist_name` is
  not dropped silently), text carries no control characters or lone surrogates, integers fit
  MongoDB's int64 and free-form JSON is nested at most `MAX_DEPTH` deep: whatever passes can be
  stored.
- `ReadModel`: an answer, read from a document's attributes (`from_attributes`), so a route
  returns the document and its `response_model` shapes it: no hand-written mapper per schema.
  `IdStr` is an id as a string (ObjectIds and other ids alike); `DocumentRead` adds the id and
  timestamps every stored document has.

    class ContactRead(DocumentRead):
        display_name: str                 # a property of the document
        owner_id: IdStr | None

    @router.get("/{contact_id}", response_model=ContactRead)
    async def read_contact(...) -> Contact: ...
"""

import re
from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, field_validator

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1
# Free-form JSON (custom values, metadata) nests at most this deep; MongoDB stops at 100.
MAX_DEPTH = 20
# C0 controls but tab, newline and carriage return; DEL; and lone UTF-16 surrogates, which
# cannot be encoded as UTF-8 (BSON would fail on them).
FORBIDDEN_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def id_string(value: Any) -> Any:
    """Any id (an ObjectId, a UUID) as its string; strings and None pass as they are."""
    if value is None or isinstance(value, str):
        return value
    return str(value)


IdStr = Annotated[str, BeforeValidator(id_string)]


class ReadModel(BaseModel):
    """An answer: validated from a document's (or any object's) attributes."""

    model_config = ConfigDict(from_attributes=True)


class DocumentRead(ReadModel):
    id: IdStr
    created_at: datetime
    updated_at: datetime


def storable(value: Any, depth: int = 0) -> str | None:
    """Why a JSON value cannot be stored as sent, or None when it can."""
    if isinstance(value, str):
        if FORBIDDEN_CHARACTERS.search(value):
            return "must not contain control characters"
        return None
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int):
        return None if INT64_MIN <= value <= INT64_MAX else "is out of range (64-bit integers)"
    if isinstance(value, dict | list | tuple | set):
        if depth >= MAX_DEPTH:
            return f"is nested more than {MAX_DEPTH} levels deep"
        items = value.items() if isinstance(value, dict) else ((None, item) for item in value)
        for key, item in items:
            problem = (storable(key, depth + 1) if key is not None else None) or storable(
                item, depth + 1
            )
            if problem:
                return problem
    return None


class WriteModel(BaseModel):
    """A request body: unknown fields refused, and every value storable as sent."""

    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _storable(cls, value: Any) -> Any:
        # Nested write models have checked their own fields already.
        if isinstance(value, BaseModel):
            return value
        problem = storable(value)
        if problem:
            raise ValueError(problem)
        return value
