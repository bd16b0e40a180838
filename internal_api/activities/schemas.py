from datetime import datetime
from typing import Any

from pydantic import BaseModel

from shared.models.crm_log import CrmLog


class FieldChangeRead(BaseModel):
    field: str
    old: Any
    new: Any


class ActivityRead(BaseModel):
    id: str
    entity_type: str
    entity_id: str
    action: str
    actor_id: str | None
    changes: list[FieldChangeRead]
    created_at: datetime

    @classmethod
    def of(cls, log: CrmLog) -> "ActivityRead":
        return cls(
            id=str(log.id),
            entity_type=log.entity_type,
            entity_id=str(log.entity_id),
            action=log.action,
            actor_id=str(log.actor_id) if log.actor_id else None,
            changes=[FieldChangeRead(**change.model_dump()) for change in log.changes],
            created_at=log.created_at,
        )
