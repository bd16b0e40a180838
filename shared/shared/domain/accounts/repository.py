"""Memberships and accounts, as the domain layer reads them."""

from collections.abc import Iterable

from beanie import PydanticObjectId

from shared.models.account import Account
from shared.models.membership import Membership, Role
from shared.models.session import Session


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
