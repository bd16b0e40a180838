"""The active account's branding, its sub-accounts, members and invitations.

Owners and admins manage; only an owner may grant or take away the owner role, and an account
always keeps at least one owner.
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError
from redis.asyncio import Redis

from internal_api.accounts.schemas import AccountUpdate
from internal_api.auth.service import hash_token, refresh_sessions
from shared.models.account import Account, AccountKind
from shared.models.base import utc_now
from shared.models.invitation import Invitation
from shared.models.membership import ROLE_SCOPES, Membership, Role
from shared.models.user import User
from shared.utilities.auth import Principal
from shared.utilities.errors import Conflict, Forbidden, NotFound
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import OwnedRepository, TenantRepository, object_id


@dataclass(frozen=True)
class Member:
    membership: Membership
    user: User


async def current_account(principal: Principal) -> Account:
    account = await Account.get(PydanticObjectId(principal.account_id))
    if account is None:
        raise NotFound(f"Account {principal.account_id} does not exist.")
    return account


async def update_current_account(principal: Principal, update: AccountUpdate) -> Account:
    account = await current_account(principal)
    if update.name is not None:
        account.name = update.name
    if update.branding is not None:
        changes = update.branding.model_dump(mode="json", exclude_unset=True)
        account.branding = account.branding.model_copy(update=changes)
    if update.restrict_members_to_own_records is not None:
        account.restrict_members_to_own_records = update.restrict_members_to_own_records
    domain = account.branding.custom_domain
    # Checked first for a clear answer; the unique index settles a race.
    if domain and await Account.find_one(
        {"branding.custom_domain": domain, "_id": {"$ne": account.id}}
    ):
        raise domain_taken(domain)
    try:
        await account.save()
    except DuplicateKeyError:
        raise domain_taken(domain) from None
    return account


def domain_taken(domain: str | None) -> Conflict:
    return Conflict(
        f"The domain {domain} is used by another account.",
        details=[{"field": "body.branding.custom_domain"}],
    )


def sub_accounts(principal: Principal) -> OwnedRepository:
    return OwnedRepository(Account, "parent_id", principal.account_id)


async def create_sub_account(principal: Principal, name: str) -> Account:
    agency = await current_account(principal)
    if agency.kind is not AccountKind.AGENCY:
        raise Forbidden("Only an agency has sub-accounts; switch to the agency first.")
    return await Account(name=name, kind=AccountKind.SUB_ACCOUNT, parent_id=agency.id).insert()


async def list_sub_accounts(principal: Principal, params: PageParams) -> Page:
    return await sub_accounts(principal).paginate(params)


async def get_sub_account(principal: Principal, account_id: str) -> Account:
    return await sub_accounts(principal).get(account_id)


def memberships(principal: Principal) -> TenantRepository[Membership]:
    return TenantRepository(Membership, principal.account_id)


async def list_members(principal: Principal, params: PageParams) -> Page:
    page = await memberships(principal).paginate(params)
    user_ids = [membership.user_id for membership in page.data]
    users = {user.id: user async for user in User.find({"_id": {"$in": user_ids}})}
    members = [
        Member(membership, users[membership.user_id])
        for membership in page.data
        if membership.user_id in users
    ]
    return Page(data=members, pagination=page.pagination)


async def find_member(principal: Principal, user_id: str) -> Membership:
    oid = object_id(user_id)
    found = await memberships(principal).list({"user_id": oid}, limit=1) if oid else []
    if not found:
        raise NotFound(f"Member {user_id} does not exist.")
    return found[0]


async def change_member_role(
    principal: Principal, user_id: str, role: Role, redis: Redis
) -> Member:
    membership = await find_member(principal, user_id)
    check_may_manage(principal, membership.role, role)
    if membership.role is Role.OWNER and role is not Role.OWNER:
        await check_another_owner(principal)
    await membership.set({Membership.role: role, Membership.scopes: ROLE_SCOPES[role]})
    await refresh_sessions(redis, membership.user_id)
    user = await User.get(membership.user_id)
    return Member(membership, user)  # type: ignore[arg-type]


async def remove_member(principal: Principal, user_id: str, redis: Redis) -> None:
    membership = await find_member(principal, user_id)
    check_may_manage(principal, membership.role)
    if membership.role is Role.OWNER:
        await check_another_owner(principal)
    await membership.delete()
    await refresh_sessions(redis, membership.user_id)


def check_may_manage(principal: Principal, *roles: Role) -> None:
    if Role.OWNER in roles and principal.role != Role.OWNER:
        raise Forbidden("Only an owner can grant or take away the owner role.")


async def check_another_owner(principal: Principal) -> None:
    if await memberships(principal).count({"role": Role.OWNER}) <= 1:
        raise Conflict("An account keeps at least one owner.")


def invitations(principal: Principal) -> TenantRepository[Invitation]:
    return TenantRepository(Invitation, principal.account_id)


async def invite(
    principal: Principal, email: str, role: Role, lifetime: timedelta
) -> tuple[Invitation, str]:
    """The stored invitation and its secret token (stored only hashed)."""
    check_may_manage(principal, role)
    user = await User.find_one({"email": email})
    if user and await memberships(principal).count({"user_id": user.id}):
        raise Conflict(f"{email} is already a member.", details=[{"field": "body.email"}])
    token = secrets.token_urlsafe(32)
    invitation = await invitations(principal).create(
        email=email,
        role=role,
        token_hash=hash_token(token),
        invited_by=PydanticObjectId(principal.sub),
        expires_at=utc_now() + lifetime,
    )
    return invitation, token


async def list_invitations(principal: Principal, params: PageParams) -> Page:
    return await invitations(principal).paginate(params, {"accepted_at": None})


async def delete_invitation(principal: Principal, invitation_id: str) -> None:
    await invitations(principal).delete(invitation_id)
