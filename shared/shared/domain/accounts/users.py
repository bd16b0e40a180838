"""Who counts as a user of an account, defined once: its members, and, in a sub-account, the
owners and admins of its agency (who act in every sub-account as admins without a membership
of their own). Owners, assignees, followers and conversation members are checked against this
everywhere, and a session's role in an account comes from it.
"""

from collections.abc import Iterable

from beanie import PydanticObjectId

from shared.domain.accounts import repository
from shared.models.account import Account
from shared.models.membership import Membership, Role
from shared.utilities.errors import NotFound
from shared.utilities.repository import object_id

AGENCY_ROLES_IN_SUB_ACCOUNTS = (Role.OWNER, Role.ADMIN)


class NotAccountUsers(NotFound):
    """Some of the users named are not users of this account (another account's user answers
    exactly like one who does not exist)."""

    code = "not_account_users"


async def effective_membership(user_id: PydanticObjectId, account: Account) -> Membership | None:
    """The user's membership in the account; for an agency owner or admin in one of its
    sub-accounts, an admin membership made on the fly."""
    assert account.id is not None, "a stored account"
    membership = await repository.membership(account.id, user_id)
    if membership or account.parent_id is None:
        return membership
    agency_membership = await repository.membership(account.parent_id, user_id)
    if agency_membership and agency_membership.role in AGENCY_ROLES_IN_SUB_ACCOUNTS:
        return Membership(
            account_id=account.id,
            user_id=user_id,
            role=Role.ADMIN,
            scopes=agency_membership.scopes,
        )
    return None


async def users_among(
    account_id: PydanticObjectId, user_ids: Iterable[PydanticObjectId]
) -> set[PydanticObjectId]:
    """Which of these users are users of the account."""
    wanted = set(user_ids)
    if not wanted:
        return set()
    members = await repository.members_among([account_id], wanted)
    found = {member.user_id for member in members}
    account = await repository.account(account_id) if wanted - found else None
    if account is not None and account.parent_id is not None:
        agency = await repository.members_among(
            [account.parent_id], wanted - found, AGENCY_ROLES_IN_SUB_ACCOUNTS
        )
        found |= {member.user_id for member in agency}
    return found


async def require_users(
    account_id: PydanticObjectId | str, user_ids: Iterable[str], field: str
) -> list[PydanticObjectId]:
    """The ids, each a user of the account, in the order given and once each; otherwise
    `NotAccountUsers` naming every one that is not (`field` is the input's path to the ids)."""
    wanted = list(dict.fromkeys(user_ids))
    oids = {user_id: object_id(user_id) for user_id in wanted}
    found = await users_among(PydanticObjectId(account_id), [oid for oid in oids.values() if oid])
    missing = [user_id for user_id, oid in oids.items() if oid not in found]
    if missing:
        raise NotAccountUsers(
            f"Not users of this account: {', '.join(missing)}.",
            details=[{"field": field, "id": user_id} for user_id in missing],
        )
    return [oid for oid in oids.values() if oid]
