"""Handing the active account's ownership to another of its members: the owner becomes an
admin, the member an owner.

Two memberships change and no multi-document transaction is at hand (the in-memory database
cannot have one), so the writes are ordered for any interruption to leave a valid account:
the member is made an owner first, then the caller an admin. Stopped between the two, the
account has two owners (an account may have several; either can step down), never none; a
second write that fails puts the member back. Each write is conditional on the role it
replaces, so of two transfers by one owner at once only one passes: the other finds the
caller no longer an owner and puts its own member back.
"""

from dataclasses import dataclass

from redis.asyncio import Redis

from internal_api.accounts.errors import AlreadyOwner, OwnerOnly, RoleChanged
from internal_api.accounts.repository import MembershipRepository
from internal_api.auth.current_password import PasswordCheck
from internal_api.auth.service import refresh_sessions
from internal_api.users import repository as users
from internal_api.users.repository import AccountUser
from shared.models.membership import ROLE_SCOPES, Membership, Role
from shared.utilities import session_events
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound


@dataclass(frozen=True)
class OwnershipTransfer:
    owner: AccountUser  # the member now owner
    previous_owner: AccountUser  # the caller, now an admin


async def transfer_ownership(
    principal: Principal, user_id: str, password: str, check: PasswordCheck, redis: Redis
) -> OwnershipTransfer:
    members = MembershipRepository(principal.account_id)
    caller = await members.of_user(principal.sub)
    caller_user = await users.user(principal.sub)
    if caller is None or caller.role is not Role.OWNER or caller_user is None:
        # An agency's owner acting in a sub-account is an admin there.
        raise OwnerOnly()
    await check.confirm(caller_user, password)
    heir = await members.of_user(user_id)
    heir_user = await users.user(heir.user_id) if heir else None
    if heir is None or heir_user is None:
        raise NotFound(f"Member {user_id} does not exist.")
    if heir.role is Role.OWNER:
        raise AlreadyOwner()
    await hand_over(members, caller, heir)
    for membership in (caller, heir):
        await refresh_sessions(redis, membership.user_id)
        await session_events.membership_changed(redis, membership.user_id, membership.account_id)
    return OwnershipTransfer(
        owner=AccountUser.member(stored(heir, Role.OWNER), heir_user),
        previous_owner=AccountUser.member(stored(caller, Role.ADMIN), caller_user),
    )


async def hand_over(members: MembershipRepository, caller: Membership, heir: Membership) -> None:
    """The heir an owner, then the caller an admin; the heir put back if the second fails."""
    if not await members.change_role_from(heir.user_id, heir.role, Role.OWNER):
        raise RoleChanged()
    try:
        stepped_down = await members.change_role_from(caller.user_id, Role.OWNER, Role.ADMIN)
    except BaseException:
        await put_back(members, heir)
        raise
    if not stepped_down:
        # Another transfer (or a role change) took the caller's ownership meanwhile.
        await put_back(members, heir)
        raise OwnerOnly()


async def put_back(members: MembershipRepository, heir: Membership) -> None:
    await members.change_role_from(heir.user_id, Role.OWNER, heir.role)


def stored(membership: Membership, role: Role) -> Membership:
    """The membership as it is stored now, with its new role."""
    return membership.model_copy(update={"role": role, "scopes": ROLE_SCOPES[role]})
