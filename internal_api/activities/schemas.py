from datetime import datetime
from typing import Any

from shared.utilities.schemas import IdStr, ReadModel


class FieldChangeRead(ReadModel):
    field: str
    old: Any
    new: Any


class ActivityRead(ReadModel):
    id: IdStr
    entity_type: str
    entity_id: IdStr
    action: str
    actor_id: IdStr | None  # None when the platform acted (an import, an automation, a provider)
    app_id: IdStr | None = None  # the OAuth app the actor acted through
    changes: list[FieldChangeRead]
    created_at: datetime
