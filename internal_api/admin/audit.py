"""The admin audit log: each action an operator takes, with its target and reason, written by
the request that takes it (with its request id) once the action is done."""

from typing import Any

from beanie import PydanticObjectId

from internal_api.admin import repository
from internal_api.admin.schemas import AuditFilters
from shared.models.admin_audit_entry import AdminAction, AdminAuditEntry
from shared.utilities import context
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams


async def record(
    operator: Principal,
    action: AdminAction,
    target: tuple[str, Any],
    reason: str,
    *,
    account_id: PydanticObjectId | None = None,
    details: dict[str, Any] | None = None,
) -> AdminAuditEntry:
    """`target` is (its type, its id): ("account", account.id)."""
    target_type, target_id = target
    entry = AdminAuditEntry(
        operator_id=PydanticObjectId(operator.sub),
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        account_id=account_id,
        reason=reason,
        request_id=context.request_id.get(),
        details=details or {},
    )
    return await entry.insert()


async def entries(params: PageParams, filters: AuditFilters) -> Page[AdminAuditEntry]:
    return await repository.audit_entries(params, filters.query())
