"""Writing and reading the activity log. CRM services call `record` after each change."""

from collections.abc import Mapping
from typing import Any

from beanie import PydanticObjectId

from internal_api.activities import live
from internal_api.crm.visibility import visibility_filter
from shared.models.crm_log import CrmLog, FieldChange
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository


def changes_between(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[FieldChange]:
    """Each field whose value differs, old to new (fields missing on one side count as None)."""
    return [
        FieldChange(field=field, old=before.get(field), new=after.get(field))
        for field in sorted(before.keys() | after.keys())
        if before.get(field) != after.get(field)
    ]


async def record(
    principal: Principal | None,
    account_id: str | PydanticObjectId,
    entity_type: str,
    entity_id: PydanticObjectId,
    action: str,
    changes: list[FieldChange] | None = None,
) -> CrmLog:
    """One entry, also pushed live to the account (see `live`); `principal` None when the
    platform acted (an automation, an import)."""
    actor = PydanticObjectId(principal.sub) if principal else None
    entry = await TenantRepository(CrmLog, account_id).create(
        entity_type=entity_type,
        entity_id=entity_id,
        action=action,
        actor_id=actor,
        changes=changes or [],
    )
    live.announce(account_id, entity_type, entity_id, action, entry.changes)
    return entry


async def list_for_account(
    principal: Principal, params: PageParams, entity_type: str | None = None
) -> Page[CrmLog]:
    """Newest first. A member limited to their own records reads only their own entries here."""
    filters: dict[str, Any] = {"entity_type": entity_type} if entity_type else {}
    if await visibility_filter(principal):
        filters["actor_id"] = PydanticObjectId(principal.sub)
    return await TenantRepository(CrmLog, principal.account_id).paginate(params, filters)


async def list_for_record(
    account_id: str, params: PageParams, entity_type: str, entity_id: PydanticObjectId
) -> Page[CrmLog]:
    """One record's history, newest first. The caller has loaded the record through its
    visibility-checked repository first, so a hidden record never gets this far."""
    filters = {"entity_type": entity_type, "entity_id": entity_id}
    return await TenantRepository(CrmLog, account_id).paginate(params, filters)
