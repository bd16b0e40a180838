"""The active account: branding, sub-accounts, members and invitations."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.accounts import service
from internal_api.accounts.schemas import (
    AccountRead,
    AccountUpdate,
    InvitationCreate,
    InvitationCreated,
    InvitationRead,
    MemberRead,
    MemberUpdate,
    SubAccountCreate,
)
from internal_api.dependencies import Settings
from internal_api.repository import mapped
from shared.utilities.app import RedisClient
from shared.utilities.auth import Principal, requires
from shared.utilities.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/accounts", tags=["accounts"])

CanReadAccount = Annotated[Principal, Depends(requires("account:read"))]
CanWriteAccount = Annotated[Principal, Depends(requires("account:write"))]
CanReadUsers = Annotated[Principal, Depends(requires("users:read"))]
CanWriteUsers = Annotated[Principal, Depends(requires("users:write"))]

# Every route needs a user token with a scope; most also name what may be missing.
SIGNED_IN = (Unauthorized, Forbidden)


@router.get(
    "/current",
    summary="The active account and its branding",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_current_account(principal: CanReadAccount) -> AccountRead:
    return AccountRead.of(await service.current_account(principal))


@router.patch(
    "/current",
    summary="Rename the active account or change its white-label branding",
    description="Only the fields sent change; a custom domain belongs to one account only.",
    responses=error_responses(*SIGNED_IN, NotFound, Conflict),
)
async def update_current_account(body: AccountUpdate, principal: CanWriteAccount) -> AccountRead:
    return AccountRead.of(await service.update_current_account(principal, body))


@router.post(
    "/sub-accounts",
    status_code=201,
    summary="Create a client sub-account of the active agency",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def create_sub_account(body: SubAccountCreate, principal: CanWriteAccount) -> AccountRead:
    return AccountRead.of(await service.create_sub_account(principal, body.name))


@router.get(
    "/sub-accounts",
    summary="The active agency's sub-accounts",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_sub_accounts(principal: CanReadAccount, paging: Paging) -> Page[AccountRead]:
    return mapped(await service.list_sub_accounts(principal, paging), AccountRead.of)


@router.get(
    "/sub-accounts/{account_id}",
    summary="One of the active agency's sub-accounts",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_sub_account(account_id: str, principal: CanReadAccount) -> AccountRead:
    return AccountRead.of(await service.get_sub_account(principal, account_id))


@router.get(
    "/members",
    summary="The active account's members",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_members(principal: CanReadUsers, paging: Paging) -> Page[MemberRead]:
    page = await service.list_members(principal, paging)
    return mapped(page, lambda member: MemberRead.of(member.membership, member.user))


@router.patch(
    "/members/{user_id}",
    summary="Change a member's role",
    description="Takes effect on the member's next request. Only an owner grants or takes "
    "away the owner role, and the last owner stays one.",
    responses=error_responses(*SIGNED_IN, NotFound, Conflict),
)
async def change_member_role(
    user_id: str, body: MemberUpdate, principal: CanWriteUsers, redis: RedisClient
) -> MemberRead:
    member = await service.change_member_role(principal, user_id, body.role, redis)
    return MemberRead.of(member.membership, member.user)


@router.delete(
    "/members/{user_id}",
    status_code=204,
    summary="Remove a member from the active account",
    description="Takes effect on the member's next request; the last owner cannot be removed.",
    responses=error_responses(*SIGNED_IN, NotFound, Conflict),
)
async def remove_member(user_id: str, principal: CanWriteUsers, redis: RedisClient) -> Response:
    await service.remove_member(principal, user_id, redis)
    return Response(status_code=204)


@router.post(
    "/invitations",
    status_code=201,
    summary="Invite someone to the active account with a role",
    description="The answer carries the invitation's token until the notifications service "
    "emails it; it cannot be read again.",
    responses=error_responses(*SIGNED_IN, Conflict),
)
async def invite(
    body: InvitationCreate, principal: CanWriteUsers, settings: Settings
) -> InvitationCreated:
    invitation, token = await service.invite(
        principal, body.email, body.role, settings.invitation_lifetime
    )
    return InvitationCreated(**InvitationRead.of(invitation).model_dump(), token=token)


@router.get(
    "/invitations",
    summary="The active account's invitations not yet accepted",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_invitations(principal: CanReadUsers, paging: Paging) -> Page[InvitationRead]:
    return mapped(await service.list_invitations(principal, paging), InvitationRead.of)


@router.delete(
    "/invitations/{invitation_id}",
    status_code=204,
    summary="Withdraw an invitation",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_invitation(invitation_id: str, principal: CanWriteUsers) -> Response:
    await service.delete_invitation(principal, invitation_id)
    return Response(status_code=204)
