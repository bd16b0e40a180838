"""/v1/admin: the platform operators' admin (accounts, feature flags, impersonation, the audit
log). Every route answers 403 `operator_only` to anyone else, whatever their role in any
account; every change asks for a reason and is written to the audit log."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from internal_api.accounts.schemas import AccountRead
from internal_api.admin import accounts, audit
from internal_api.admin.auth import Operator
from internal_api.admin.errors import OperatorNotImpersonated, OperatorOnly
from internal_api.admin.impersonation import Impersonation, impersonate
from internal_api.admin.repository import ACCOUNT_SORTS, AUDIT_SORTS
from internal_api.admin.schemas import (
    AccountDetail,
    AccountFilters,
    AuditEntryRead,
    AuditFilters,
    FlagRead,
    FlagUpdate,
    ImpersonationCreate,
    ImpersonationRead,
    ReasonGiven,
)
from internal_api.dependencies import SigningIn
from internal_api.extended import Extended
from shared.domain.accounts.errors import AlreadyDeleted, AlreadySuspended, NotSuspended
from shared.models.account import Account
from shared.models.admin_audit_entry import AdminAuditEntry
from shared.utilities.app import RedisClient
from shared.utilities.errors import InvalidInput, NotFound, Unauthorized, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/admin", tags=["admin"])

AccountPaging = Annotated[PageParams, Depends(sorted_by(ACCOUNT_SORTS))]
AuditPaging = Annotated[PageParams, Depends(sorted_by(AUDIT_SORTS))]
OPERATORS = (Unauthorized, OperatorOnly)


@router.get(
    "/accounts",
    response_model=Page[AccountRead],
    summary="Search every account of the platform",
    description="`search`: an account's id, part of its name in any case, or the start of a "
    "member's email; with `kind` and `status`.",
    responses=error_responses(*OPERATORS, InvalidInput),
)
async def search_accounts(
    operator: Operator, paging: AccountPaging, filters: Annotated[AccountFilters, Query()]
) -> Page[Account]:
    return await accounts.search(paging, filters)


@router.get(
    "/accounts/{account_id}",
    response_model=AccountDetail,
    summary="One account, with its members, sub-accounts and feature flags",
    responses=error_responses(*OPERATORS, NotFound),
)
async def view_account(account_id: str, operator: Operator) -> Extended[Account]:
    return await accounts.view(account_id)


@router.post(
    "/accounts/{account_id}/suspend",
    response_model=AccountRead,
    summary="Suspend an account (an agency or a sub-account)",
    description="Through the accounts' lifecycle: its sessions are refused with 403 "
    "`account_suspended` from their next request, its sockets closed, its webhooks and "
    "automation runs held until it is reactivated. The reason becomes its status reason.",
    responses=error_responses(*OPERATORS, NotFound, AlreadySuspended, AlreadyDeleted),
)
async def suspend_account(
    account_id: str, body: ReasonGiven, operator: Operator, redis: RedisClient
) -> Account:
    return await accounts.suspend(operator, account_id, body.reason, redis)


@router.post(
    "/accounts/{account_id}/reactivate",
    response_model=AccountRead,
    summary="Reactivate a suspended account",
    responses=error_responses(*OPERATORS, NotFound, NotSuspended, AlreadyDeleted),
)
async def reactivate_account(
    account_id: str, body: ReasonGiven, operator: Operator, redis: RedisClient
) -> Account:
    return await accounts.reactivate(operator, account_id, body.reason, redis)


@router.get(
    "/accounts/{account_id}/feature-flags",
    response_model=list[FlagRead],
    summary="Every feature flag as it is for the account",
    responses=error_responses(*OPERATORS, NotFound),
)
async def list_flags(account_id: str, operator: Operator) -> list[dict]:
    return await accounts.feature_flags(account_id)


@router.put(
    "/accounts/{account_id}/feature-flags/{flag}",
    response_model=list[FlagRead],
    summary="Turn a feature on or off for the account",
    description="It holds from the feature's next request; answers every flag of the account.",
    responses=error_responses(*OPERATORS, NotFound, InvalidInput),
)
async def set_flag(account_id: str, flag: str, body: FlagUpdate, operator: Operator) -> list[dict]:
    return await accounts.set_flag(operator, account_id, flag, body.enabled, body.reason)


@router.post(
    "/impersonations",
    status_code=201,
    response_model=ImpersonationRead,
    summary="View the platform as a user, read-only",
    description="A session of the user (in the account asked for, or where their sign-in "
    "starts), marked as the caller's view: its token carries `impersonated_by` (the "
    "dashboard's banner, from `GET /v1/users/me`), every write with it answers 403 "
    "`impersonation_read_only` but signing out, which ends it; it lasts "
    "INTERNAL_API_ADMIN_IMPERSONATION_MINUTES and is listed in the user's own sessions. "
    "Another operator cannot be impersonated.",
    responses=error_responses(*OPERATORS, NotFound, OperatorNotImpersonated),
)
async def start_impersonation(
    body: ImpersonationCreate, operator: Operator, signing_in: SigningIn
) -> Impersonation:
    return await impersonate(operator, body.user_id, body.account_id, body.reason, signing_in)


@router.get(
    "/audit-log",
    response_model=Page[AuditEntryRead],
    summary="What operators did, newest first",
    responses=error_responses(*OPERATORS, InvalidInput),
)
async def read_audit_log(
    operator: Operator, paging: AuditPaging, filters: Annotated[AuditFilters, Query()]
) -> Page[AdminAuditEntry]:
    return await audit.entries(paging, filters)
