"""The active account's branding and locale, its sub-accounts, members and invitations. A new
name or logo reaches the account's Duda sites (`shared.domain.sites.business.follow_account`).

Owners and admins manage; only an owner may grant or take away the owner role, and an account
always keeps at least one owner. An agency has at most MAX_SUB_ACCOUNTS sub-accounts (a deleted
one counts until it is purged). It suspends, reactivates, deletes and restores them through
the account lifecycle (`shared.domain.accounts.lifecycle`), the one write path the queue
manager's active-account check takes too.
"""

import secrets
from datetime import timedelta

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError
from redis.asyncio import Redis
from redis.exceptions import LockError

from internal_api.accounts.domains import DomainVerifier
from internal_api.accounts.errors import (
    AlreadyMember,
    DomainNotProven,
    DomainTaken,
    InvitationPending,
    LastOwner,
    NoPendingDomain,
    NotAnAgency,
    OwnerRoleReserved,
    SubAccountLimitReached,
    SubAccountsBusy,
)
from internal_api.accounts.repository import (
    InvitationRepository,
    MembershipRepository,
    SubAccountRepository,
    account,
    custom_domain_holder,
)
from internal_api.accounts.schemas import AccountUpdate, SubAccountUpdate
from internal_api.auth.service import refresh_sessions
from internal_api.auth.two_factor.policy import check_enabled
from internal_api.auth.two_factor.service import sign_out_members_without_it
from internal_api.users import repository as users
from internal_api.users.repository import AccountUser, AccountUsers
from shared.domain.accounts import lifecycle
from shared.domain.notifications import dashboard_paths
from shared.domain.notifications.platform import tell
from shared.domain.sites import business
from shared.models.account import Account, AccountKind, PendingDomain
from shared.models.base import utc_now
from shared.models.invitation import Invitation
from shared.models.membership import ROLE_SCOPES, Membership, Role
from shared.utilities import session_events
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound
from shared.utilities.pagination import Page, PageParams
from shared.utilities.secret_tokens import hash_token, new_token

# How long creating a sub-account may wait for another one of the same agency to finish.
SUB_ACCOUNT_LOCK_SECONDS = 10
# A pending custom domain's DNS token: unguessable, short enough to paste into a TXT record.
DOMAIN_TOKEN_BYTES = 24


async def current_account(principal: Principal) -> Account:
    found = await account(principal.account_id)
    if found is None:
        raise NotFound(f"Account {principal.account_id} does not exist.")
    return found


async def update_current_account(
    principal: Principal, update: AccountUpdate, redis: Redis
) -> Account:
    found = await current_account(principal)
    shown_before = business.shown_of_account(found)
    starts_requiring_two_factor = update.require_two_factor and not found.require_two_factor
    if starts_requiring_two_factor:
        await check_enabled(
            principal.sub, "Turn on two-factor authentication for yourself before requiring it."
        )
    if update.name is not None:
        found.name = update.name
    if update.branding is not None:
        changes = update.branding.model_dump(mode="json", exclude_unset=True)
        if "custom_domain" in changes:
            await ask_for_domain(found, changes.pop("custom_domain"))
        found.branding = found.branding.model_copy(update=changes)
    if update.locale is not None:
        found.locale = found.locale.model_copy(update=update.locale.model_dump(exclude_unset=True))
    if update.restrict_members_to_own_records is not None:
        found.restrict_members_to_own_records = update.restrict_members_to_own_records
    if update.require_two_factor is not None:
        found.require_two_factor = update.require_two_factor
    await save_with_domain(found)
    await business.follow_account(found, shown_before)
    if starts_requiring_two_factor:
        await sign_out_members_without_it(found, redis)
    return found


async def ask_for_domain(found: Account, host: str | None) -> None:
    """A new custom domain is pending until DNS proves it (`verify_custom_domain`); until then
    the account keeps the one it has. A domain another account has proven is refused at once;
    null drops both."""
    branding = found.branding
    if host is None:
        branding.custom_domain, branding.pending_domain = None, None
        return
    if host == branding.custom_domain:
        branding.pending_domain = None
        return
    if await custom_domain_holder(host, found.id):
        raise domain_taken(host)
    if branding.pending_domain is None or branding.pending_domain.host != host:
        token = secrets.token_urlsafe(DOMAIN_TOKEN_BYTES)
        branding.pending_domain = PendingDomain(host=host, token=token, requested_at=utc_now())


async def verify_custom_domain(principal: Principal, verifier: DomainVerifier) -> Account:
    """The pending domain becomes the account's once its TXT record shows the token."""
    found = await current_account(principal)
    pending = found.branding.pending_domain
    if pending is None:
        raise NoPendingDomain()
    if not await verifier.proves(pending):
        raise DomainNotProven(
            f"No TXT record {pending.record_name} holds this account's token yet; DNS changes "
            "can take a while to be seen.",
            details=[{"field": "branding.pending_domain", "message": "not found in DNS"}],
        )
    found.branding.custom_domain, found.branding.pending_domain = pending.host, None
    await save_with_domain(found)
    return found


async def save_with_domain(changed: Account) -> None:
    """Saves the account, whose proven custom domain must be no other account's."""
    domain = changed.branding.custom_domain
    # Checked first for a clear answer; the unique index settles a race.
    if domain and await custom_domain_holder(domain, changed.id):
        raise domain_taken(domain)
    try:
        await changed.save()
    except DuplicateKeyError:
        raise domain_taken(domain) from None


def domain_taken(domain: str | None) -> DomainTaken:
    return DomainTaken(
        f"The domain {domain} is used by another account.",
        details=[{"field": "branding.custom_domain", "message": "used by another account"}],
    )


async def create_sub_account(principal: Principal, name: str, limit: int, redis: Redis) -> Account:
    agency = await current_account(principal)
    sub_account = Account(name=name, kind=AccountKind.SUB_ACCOUNT, parent_id=agency.id)
    return await add_sub_account(agency, sub_account, limit, redis)


async def add_sub_account(
    agency: Account, sub_account: Account, limit: int, redis: Redis
) -> Account:
    """Stores the new sub-account of the agency, unless it has `limit` already. Creations for
    one agency take turns (a Redis lock), so parallel ones cannot pass the limit together."""
    if agency.kind is not AccountKind.AGENCY:
        raise NotAnAgency()
    lock = redis.lock(
        f"sub-accounts:{agency.id}",
        timeout=SUB_ACCOUNT_LOCK_SECONDS,
        blocking_timeout=SUB_ACCOUNT_LOCK_SECONDS,
    )
    try:
        await lock.acquire()
    except LockError:
        raise SubAccountsBusy() from None
    try:
        if await SubAccountRepository(agency.agency_id).count() >= limit:
            raise SubAccountLimitReached(
                f"{agency.name} has {limit} sub-accounts, as many as it may have.",
                details=[{"limit": limit}],
            )
        return await sub_account.insert()
    finally:
        await lock.release()


async def list_sub_accounts(principal: Principal, params: PageParams) -> Page[Account]:
    return await SubAccountRepository(principal.account_id).paginate(params)


async def get_sub_account(principal: Principal, account_id: str) -> Account:
    return await SubAccountRepository(principal.account_id).get(account_id)


async def update_sub_account(
    principal: Principal, account_id: str, update: SubAccountUpdate
) -> Account:
    """Only the fields sent change, and only they are written (a suspension at the same
    moment stays)."""
    sub_account = await get_sub_account(principal, account_id)
    shown_before = business.shown_of_account(sub_account)
    changes: dict = {}
    if update.name is not None:
        changes[Account.name] = update.name
    if "active_until" in update.model_fields_set:
        changes[Account.active_until] = update.active_until
    if changes:
        await sub_account.set(changes)
        await business.follow_account(sub_account, shown_before)
    return sub_account


async def suspend_sub_account(
    principal: Principal, account_id: str, reason: str | None, redis: Redis
) -> Account:
    return await lifecycle.suspend(redis, await get_sub_account(principal, account_id), reason)


async def reactivate_sub_account(principal: Principal, account_id: str, redis: Redis) -> Account:
    return await lifecycle.reactivate(redis, await get_sub_account(principal, account_id))


async def delete_sub_account(principal: Principal, account_id: str, redis: Redis) -> None:
    await lifecycle.delete(redis, await get_sub_account(principal, account_id))


async def restore_sub_account(principal: Principal, account_id: str, redis: Redis) -> Account:
    return await lifecycle.restore(redis, await get_sub_account(principal, account_id))


async def list_members(
    principal: Principal, params: PageParams, search: str | None, role: Role | None
) -> Page[AccountUser]:
    """The active account's members (the directory of its users, `/v1/users`, less the
    agency's owners and admins, who are no members to manage)."""
    members = AccountUsers(await current_account(principal), members_only=True)
    return await members.paginate(params, search, role)


async def find_member(principal: Principal, user_id: str) -> Membership:
    membership = await MembershipRepository(principal.account_id).of_user(user_id)
    if membership is None:
        raise NotFound(f"Member {user_id} does not exist.")
    return membership


async def change_member_role(
    principal: Principal, user_id: str, role: Role, redis: Redis
) -> AccountUser:
    membership = await find_member(principal, user_id)
    check_may_manage(principal, membership.role, role)
    if membership.role is Role.OWNER and role is not Role.OWNER:
        await check_another_owner(principal)
    await membership.set({Membership.role: role, Membership.scopes: ROLE_SCOPES[role]})
    await refresh_sessions(redis, membership.user_id)
    await session_events.membership_changed(redis, membership.user_id, membership.account_id)
    user = await users.user(membership.user_id)
    if user is None:
        raise NotFound(f"Member {user_id} does not exist.")
    return AccountUser.member(membership, user)


async def remove_member(principal: Principal, user_id: str, redis: Redis) -> None:
    membership = await find_member(principal, user_id)
    check_may_manage(principal, membership.role)
    if membership.role is Role.OWNER:
        await check_another_owner(principal)
    await membership.delete()
    await refresh_sessions(redis, membership.user_id)
    await session_events.membership_changed(redis, membership.user_id, membership.account_id)


def check_may_manage(principal: Principal, *roles: Role) -> None:
    if Role.OWNER in roles and principal.role != Role.OWNER:
        raise OwnerRoleReserved()


async def check_another_owner(principal: Principal) -> None:
    if await MembershipRepository(principal.account_id).count_owners() <= 1:
        raise LastOwner()


async def invite(principal: Principal, email: str, role: Role, lifetime: timedelta) -> Invitation:
    """A new invitation, emailed to the invitee with its token (stored only hashed, so nobody
    else ever reads it); it replaces any invitation for the same email not yet accepted, whose
    token stops working."""
    check_may_manage(principal, role)
    user = await users.by_email(email)
    if user and await MembershipRepository(principal.account_id).of_user(user.id):
        raise AlreadyMember(
            f"{email} is already a member.",
            details=[{"field": "email", "message": "already a member"}],
        )
    invitations = InvitationRepository(principal.account_id)
    await invitations.withdraw_open_for(email)
    token = new_token()
    try:
        invitation = await invitations.create(
            email=email,
            role=role,
            token_hash=hash_token(token),
            invited_by=PydanticObjectId(principal.sub),
            expires_at=utc_now() + lifetime,
        )
    except DuplicateKeyError:
        raise InvitationPending(
            details=[{"field": "email", "message": "invited just now"}]
        ) from None
    inviter = await users.user(principal.sub)
    await tell(
        "invitation",
        principal.account_id,
        {"inviter_name": inviter.name if inviter else ""},
        to=email,
        links={"accept_url": dashboard_paths.accept_invitation(token)},
        key=str(invitation.id),
    )
    return invitation


async def list_invitations(principal: Principal, params: PageParams) -> Page[Invitation]:
    return await InvitationRepository(principal.account_id).paginate(
        params, InvitationRepository.OPEN
    )


async def delete_invitation(principal: Principal, invitation_id: str) -> None:
    await InvitationRepository(principal.account_id).delete(invitation_id)
