"""The active account: branding, locale, sub-accounts, members and invitations."""

from typing import Annotated

from fastapi import APIRouter, Body, Depends, Query, Response

from internal_api.accounts import ownership, service
from internal_api.accounts.auth import (
    AccountsAdmin,
    AccountsRead,
    SubAccountsCreate,
    UsersAdmin,
    UsersRead,
)
from internal_api.accounts.domains import DnsUnavailable, DomainVerifier
from internal_api.accounts.errors import (
    AlreadyMember,
    AlreadyOwner,
    DomainNotProven,
    DomainTaken,
    InvitationPending,
    LastOwner,
    NoPendingDomain,
    NotAnAgency,
    OwnerOnly,
    OwnerRoleReserved,
    RoleChanged,
    SubAccountLimitReached,
    SubAccountsBusy,
)
from internal_api.accounts.ownership import OwnershipTransfer
from internal_api.accounts.repository import (
    InvitationRepository,
    SubAccountRepository,
)
from internal_api.accounts.schemas import (
    AccountRead,
    AccountUpdate,
    InvitationCreate,
    InvitationRead,
    MemberRead,
    MemberUpdate,
    OwnershipTransferCreate,
    OwnershipTransferRead,
    SubAccountCreate,
    SubAccountUpdate,
    Suspension,
)
from internal_api.auth.current_password import CurrentPassword
from internal_api.auth.errors import LoginThrottled, WrongPassword
from internal_api.auth.two_factor.errors import TwoFactorNotEnabled
from internal_api.dependencies import Settings
from internal_api.users.repository import AccountUser, AccountUsers
from internal_api.users.schemas import UserFilters
from shared.domain.accounts.errors import (
    AlreadyDeleted,
    AlreadySuspended,
    NotDeleted,
    NotSuspended,
    RestorePeriodOver,
)
from shared.models.account import Account
from shared.models.invitation import Invitation
from shared.utilities.app import RedisClient
from shared.utilities.errors import SIGNED_IN, EmailNotVerified, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/accounts", tags=["accounts"])

SubAccountPaging = Annotated[PageParams, Depends(sorted_by(SubAccountRepository.sortable))]
MemberPaging = Annotated[PageParams, Depends(sorted_by(AccountUsers.sortable, default="name"))]
InvitationPaging = Annotated[PageParams, Depends(sorted_by(InvitationRepository.sortable))]


@router.get(
    "/current",
    response_model=AccountRead,
    summary="The active account, its branding and locale",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_current_account(principal: AccountsRead) -> Account:
    return await service.current_account(principal)


@router.patch(
    "/current",
    response_model=AccountRead,
    summary="Rename the active account, or change its white-label branding or its locale",
    description="Only the fields sent change. A custom domain asked for is pending (it blocks "
    "no other account) until DNS proves it is the account's: publish `pending_domain.token` "
    "as a TXT record at `pending_domain.record_name`, then POST "
    "`/v1/accounts/current/custom-domain/verification`. A domain another account has proven "
    "answers 409 `domain_taken`. The locale's phone region is an ISO 3166 country, its "
    "currency ISO 4217, its time zone an IANA name; null goes back to the platform's default. "
    "`require_two_factor` needs the caller to have two-factor authentication (409 "
    "`two_factor_not_enabled` otherwise); turning it on ends the sessions in the account of "
    "users without it, who then enrol as they log in, and nobody without it can switch in.",
    responses=error_responses(*SIGNED_IN, NotFound, DomainTaken, TwoFactorNotEnabled),
)
async def update_current_account(
    body: AccountUpdate, principal: AccountsAdmin, redis: RedisClient
) -> Account:
    return await service.update_current_account(principal, body, redis)


def domain_verifier(settings: Settings) -> DomainVerifier:
    return DomainVerifier(settings.dns_nameservers, settings.dns_timeout_seconds)


@router.post(
    "/current/custom-domain/verification",
    response_model=AccountRead,
    summary="Prove the pending custom domain by its DNS TXT record",
    description="Looks up the TXT record at `branding.pending_domain.record_name`; when it holds "
    "the token, the domain becomes the account's `custom_domain`.",
    responses=error_responses(
        *SIGNED_IN, NotFound, NoPendingDomain, DomainNotProven, DomainTaken, DnsUnavailable
    ),
)
async def verify_custom_domain(
    principal: AccountsAdmin, verifier: Annotated[DomainVerifier, Depends(domain_verifier)]
) -> Account:
    return await service.verify_custom_domain(principal, verifier)


@router.post(
    "/sub-accounts",
    status_code=201,
    response_model=AccountRead,
    summary="Create a client sub-account of the active agency",
    description="An agency has at most INTERNAL_API_MAX_SUB_ACCOUNTS sub-accounts (402 "
    "`sub_account_limit_reached` past it, nothing created). It waits until the agency's owner "
    "has confirmed their email (403 `email_not_verified`).",
    responses=error_responses(
        *SIGNED_IN,
        EmailNotVerified,
        NotFound,
        NotAnAgency,
        SubAccountLimitReached,
        SubAccountsBusy,
    ),
)
async def create_sub_account(
    body: SubAccountCreate, principal: SubAccountsCreate, settings: Settings, redis: RedisClient
) -> Account:
    return await service.create_sub_account(principal, body.name, settings.max_sub_accounts, redis)


@router.get(
    "/sub-accounts",
    response_model=Page[AccountRead],
    summary="The active agency's sub-accounts",
    responses=error_responses(*SIGNED_IN),
)
async def list_sub_accounts(principal: AccountsRead, paging: SubAccountPaging) -> Page[Account]:
    return await service.list_sub_accounts(principal, paging)


@router.get(
    "/sub-accounts/{account_id}",
    response_model=AccountRead,
    summary="One of the active agency's sub-accounts",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_sub_account(account_id: str, principal: AccountsRead) -> Account:
    return await service.get_sub_account(principal, account_id)


@router.patch(
    "/sub-accounts/{account_id}",
    response_model=AccountRead,
    summary="Rename one of the active agency's sub-accounts, or set the end of its active period",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def update_sub_account(
    account_id: str, body: SubAccountUpdate, principal: AccountsAdmin
) -> Account:
    return await service.update_sub_account(principal, account_id, body)


@router.post(
    "/sub-accounts/{account_id}/suspend",
    response_model=AccountRead,
    summary="Suspend one of the active agency's sub-accounts",
    description="Its data stays. Sessions acting in it are refused with 403 "
    "`account_suspended` on every service (they may still switch to another account) and its "
    "open sockets closed; its outgoing webhooks and automation runs are held until it is "
    "reactivated, then sent.",
    responses=error_responses(*SIGNED_IN, NotFound, AlreadySuspended, AlreadyDeleted),
)
async def suspend_sub_account(
    account_id: str,
    principal: AccountsAdmin,
    redis: RedisClient,
    body: Annotated[Suspension, Body()] = Suspension(),
) -> Account:
    return await service.suspend_sub_account(principal, account_id, body.reason, redis)


@router.post(
    "/sub-accounts/{account_id}/reactivate",
    response_model=AccountRead,
    summary="Reactivate a suspended sub-account",
    description="Its sessions are let in again, and its held webhooks and automation runs "
    "sent (by the queue manager's next webhook retry and automation sweep).",
    responses=error_responses(*SIGNED_IN, NotFound, NotSuspended, AlreadyDeleted),
)
async def reactivate_sub_account(
    account_id: str, principal: AccountsAdmin, redis: RedisClient
) -> Account:
    return await service.reactivate_sub_account(principal, account_id, redis)


@router.delete(
    "/sub-accounts/{account_id}",
    status_code=204,
    summary="Delete a sub-account (it can be restored for 30 days)",
    description="Refused and held like a suspended one (sessions answer 403 `account_deleted`) "
    "until restored; 30 days after, it and all its data are purged.",
    responses=error_responses(*SIGNED_IN, NotFound, AlreadyDeleted),
)
async def delete_sub_account(
    account_id: str, principal: AccountsAdmin, redis: RedisClient
) -> Response:
    await service.delete_sub_account(principal, account_id, redis)
    return Response(status_code=204)


@router.post(
    "/sub-accounts/{account_id}/restore",
    response_model=AccountRead,
    summary="Restore a deleted sub-account, active again",
    responses=error_responses(*SIGNED_IN, NotFound, NotDeleted, RestorePeriodOver),
)
async def restore_sub_account(
    account_id: str, principal: AccountsAdmin, redis: RedisClient
) -> Account:
    return await service.restore_sub_account(principal, account_id, redis)


@router.get(
    "/members",
    response_model=Page[MemberRead],
    summary="The active account's members, to manage",
    description="`GET /v1/users` is the account's directory: these members and, in a "
    "sub-account, the agency's owners and admins acting in it. `search` matches part of a "
    "name or an email in any case.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def list_members(
    principal: UsersRead, paging: MemberPaging, filters: Annotated[UserFilters, Query()]
) -> Page[AccountUser]:
    return await service.list_members(principal, paging, filters.search, filters.role)


@router.patch(
    "/members/{user_id}",
    response_model=MemberRead,
    summary="Change a member's role",
    description="Takes effect on the member's next request. Only an owner grants or takes "
    "away the owner role, and the last owner stays one.",
    responses=error_responses(*SIGNED_IN, NotFound, OwnerRoleReserved, LastOwner),
)
async def change_member_role(
    user_id: str, body: MemberUpdate, principal: UsersAdmin, redis: RedisClient
) -> AccountUser:
    return await service.change_member_role(principal, user_id, body.role, redis)


@router.delete(
    "/members/{user_id}",
    status_code=204,
    summary="Remove a member from the active account",
    description="Takes effect on the member's next request; the last owner cannot be removed.",
    responses=error_responses(*SIGNED_IN, NotFound, OwnerRoleReserved, LastOwner),
)
async def remove_member(user_id: str, principal: UsersAdmin, redis: RedisClient) -> Response:
    await service.remove_member(principal, user_id, redis)
    return Response(status_code=204)


@router.post(
    "/current/transfer-ownership",
    response_model=OwnershipTransferRead,
    summary="Hand the active account's ownership to another of its members",
    description="The caller, an owner, becomes an admin and the member an owner, both at once "
    "on their next request. The caller's password is asked again; wrong attempts count on "
    "the login throttle. Only a member of the account may become its owner: another account's "
    "user, someone only invited, or an agency admin acting in a sub-account answers 404.",
    responses=error_responses(
        *SIGNED_IN, NotFound, OwnerOnly, WrongPassword, AlreadyOwner, RoleChanged, LoginThrottled
    ),
)
async def transfer_ownership(
    body: OwnershipTransferCreate, principal: UsersAdmin, check: CurrentPassword, redis: RedisClient
) -> OwnershipTransfer:
    return await ownership.transfer_ownership(principal, body.user_id, body.password, check, redis)


@router.post(
    "/invitations",
    status_code=201,
    response_model=InvitationRead,
    summary="Invite someone to the active account with a role",
    description="The invitee is emailed a link to accept it (the `invitation` template, with "
    "the account's branding); its token is in that email only. Inviting an email again "
    "replaces its invitation not yet accepted (the old link stops working).",
    responses=error_responses(*SIGNED_IN, OwnerRoleReserved, AlreadyMember, InvitationPending),
)
async def invite(body: InvitationCreate, principal: UsersAdmin, settings: Settings) -> Invitation:
    return await service.invite(principal, body.email, body.role, settings.invitation_lifetime)


@router.get(
    "/invitations",
    response_model=Page[InvitationRead],
    summary="The active account's invitations not yet accepted",
    responses=error_responses(*SIGNED_IN),
)
async def list_invitations(principal: UsersRead, paging: InvitationPaging) -> Page[Invitation]:
    return await service.list_invitations(principal, paging)


@router.delete(
    "/invitations/{invitation_id}",
    status_code=204,
    summary="Withdraw an invitation",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_invitation(invitation_id: str, principal: UsersAdmin) -> Response:
    await service.delete_invitation(principal, invitation_id)
    return Response(status_code=204)
