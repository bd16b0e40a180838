"""A saved list filter: private to the user who saved it, in one account."""

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class FilterCondition(BaseModel):
    field: str  # "tags", "custom.plan", ...
    operator: str  # "equals", "contains", "in", "before", "after", "exists"
    value: str | list[str] | bool | None = None


class SavedFilter(TenantDocument):
    user_id: PydanticObjectId
    name: str
    entity_type: str = "contact"  # what list it filters
    q: str | None = None
    conditions: list[FilterCondition] = []
    sort: str = "-created_at"

    class Settings:
        name = "saved_filters"
        use_state_management = True
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("user_id", ASCENDING), ("created_at", DESCENDING)]
            )
        ]
