from typing import Annotated, Literal

from pydantic import Field

from internal_api.crm.query import ConditionWrite
from shared.models.filter import FilterCondition
from shared.utilities.schemas import DocumentRead, WriteModel

Name = Annotated[str, Field(min_length=1, max_length=100)]
Conditions = Annotated[list[ConditionWrite], Field(max_length=50)]
Sort = Annotated[str, Field(pattern=r"^-?[a-z][a-z0-9_.]{0,60}$", examples=["-created_at"])]
Query = Annotated[str, Field(max_length=200)]
# The lists a filter may be saved for.
EntityType = Literal["contact"]


class SavedFilterCreate(WriteModel):
    name: Name
    entity_type: EntityType = "contact"
    q: Query | None = None
    conditions: Conditions = []
    sort: Sort = "-created_at"


class SavedFilterUpdate(WriteModel):
    name: Name | None = None
    q: Query | None = None
    conditions: Conditions | None = None
    sort: Sort | None = None


class SavedFilterRead(DocumentRead):
    name: str
    entity_type: str
    q: str | None
    conditions: list[FilterCondition]
    sort: str
