"""The CRM's activity log: who changed what on a contact or a deal, old value to new."""

from typing import Any

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class FieldChange(BaseModel):
    field: str
    old: Any = None
    new: Any = None


class CrmLog(TenantDocument):
    entity_type: str  # "contact", "deal", ...
    entity_id: PydanticObjectId
    action: str  # "created", "updated", "deleted", "restored", "merged", "stage_changed", ...
    actor_id: PydanticObjectId | None = None  # None when the platform itself acted
    app_id: PydanticObjectId | None = None  # the OAuth app the actor acted through
    changes: list[FieldChange] = []

    class Settings:
        name = "crm_logs"
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("entity_type", ASCENDING),
                    ("entity_id", ASCENDING),
                    ("created_at", DESCENDING),
                ]
            ),
        ]
