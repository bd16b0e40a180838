from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from shared.models.filter import FilterCondition, SavedFilter

Name = Annotated[str, Field(min_length=1, max_length=100)]
Conditions = Annotated[list[FilterCondition], Field(max_length=50)]
Sort = Annotated[str, Field(pattern=r"^-?[A-Za-z_][A-Za-z0-9_.]*$")]
# The lists a filter may be saved for.
EntityType = Literal["contact"]


class SavedFilterCreate(BaseModel):
    name: Name
    entity_type: EntityType = "contact"
    q: Annotated[str, Field(max_length=200)] | None = None
    conditions: Conditions = []
    sort: Sort = "-created_at"


class SavedFilterUpdate(BaseModel):
    name: Name | None = None
    q: Annotated[str, Field(max_length=200)] | None = None
    conditions: Conditions | None = None
    sort: Sort | None = None


class SavedFilterRead(BaseModel):
    id: str
    name: str
    entity_type: str
    q: str | None
    conditions: list[FilterCondition]
    sort: str
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, saved: SavedFilter) -> "SavedFilterRead":
        return cls(id=str(saved.id), **saved.model_dump(exclude={"id", "account_id", "user_id"}))
