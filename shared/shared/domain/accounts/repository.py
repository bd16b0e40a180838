"""Memberships and accounts, as the domain layer reads them."""

from collections.abc import Iterable
from datetime import datetime

from beanie import PydanticObjectId

from shared.models.account import Account
from shared.models.membership import Membership, Role
from shared.models.session import Session
from shared.models.user import User


async def account(account_id: PydanticObjectId) -> Account | None:
    return await Account.get(account_id)


async def membership(account_id: PydanticObjectId, user_id: PydanticObjectId) -> Membership | None:
    return await Membership.find_one({"account_id": account_id, "user_id": user_id})


async def members_among(
    account_ids: Iterable[PydanticObjectId],
    user_ids: Iterable[PydanticObjectId],
    roles: Iterable[Role] | None = None,
) -> list[Membership]:
    """The memberships of these users in these accounts (in these roles, when given)."""
    query: dict = {"account_id": {"$in": list(account_ids)}, "user_id": {"$in": list(user_ids)}}
    if roles is not None:
        query["role"] = {"$in": [role.value for role in roles]}
    return await Membership.find(query).to_list()


async def session(session_id: PydanticObjectId) -> Session | None:
    return await Session.get(session_id)


async def user(user_id: PydanticObjectId) -> User | None:
    return await User.get(user_id)


async def session_by_token_hash(token_hash: str) -> Session | None:
    return await Session.find_one({"token_hash": token_hash})


async def mark_session_seen(token_hash: str, seen_at: datetime) -> None:
    await Session.find_one({"token_hash": token_hash}).update({"$set": {"last_seen_at": seen_at}})


async def session_token_hashes(
    *, user_id: PydanticObjectId | None = None, account_id: PydanticObjectId | None = None
) -> list[str]:
    """The token hashes of every session of the user, or (without one) in the account."""
    query = {"user_id": user_id} if user_id else {"account_id": account_id}
    return [record.token_hash async for record in Session.find(query)]


async def member_ids(account_id: PydanticObjectId) -> list[PydanticObjectId]:
    """The users with a membership of the account (not the agency's, acting in a sub-account)."""
    return [member.user_id async for member in Membership.find({"account_id": account_id})]


async def owner_verified(agency_id: PydanticObjectId) -> bool:
    """Whether an owner of the agency has confirmed their email."""
    owners = Membership.find({"account_id": agency_id, "role": Role.OWNER.value})
    owner_ids = [owner.user_id async for owner in owners]
    verified = {"_id": {"$in": owner_ids}, "email_verified_at": {"$ne": None}}
    return bool(owner_ids) and await User.find(verified).count() > 0
