"""Every query on users: plain lookups (a user belongs to no one account, their memberships
do; what a caller may learn of a user is decided by who asks), an account's directory of
users, and the accounts a user may act in."""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from beanie import Document, PydanticObjectId

from shared.domain.accounts.users import AGENCY_ROLES_IN_SUB_ACCOUNTS
from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.membership import Membership, Role
from shared.models.user import User
from shared.utilities.pagination import Page, PageParams, Pagination
from shared.utilities.repository import object_id


async def user(user_id: str | PydanticObjectId) -> User | None:
    oid = object_id(user_id)
    return await User.get(oid) if oid else None


async def by_email(email: str) -> User | None:
    """The user with the email (stored lower-cased: give it lower-cased)."""
    return await User.find_one({"email": email})


async def by_ids(user_ids: Iterable[PydanticObjectId]) -> dict[PydanticObjectId, User]:
    found = await User.find({"_id": {"$in": list(user_ids)}}).to_list()
    return {found_user.id: found_user for found_user in found if found_user.id}


@dataclass(frozen=True)
class AccountUser:
    """A user of an account as its directory lists them: a member with their role, or (in a
    sub-account) an owner or admin of its agency, acting there as an admin."""

    user: User
    role: Role
    scopes: list[str]
    joined_at: datetime  # of the membership listed: the agency's, for one acting through it
    via_agency: bool

    @classmethod
    def member(cls, membership: Membership, user: User) -> "AccountUser":
        return cls(user, membership.role, membership.scopes, membership.created_at, False)

    @property
    def id(self) -> PydanticObjectId | None:
        return self.user.id

    @property
    def user_id(self) -> PydanticObjectId | None:
        return self.user.id

    @property
    def email(self) -> str:
        return self.user.email

    @property
    def name(self) -> str:
        return self.user.name


class AccountUsers:
    """The users of one account, as `shared.domain.accounts.users` defines them: its members
    and, in a sub-account, its agency's owners and admins (none of them with `members_only`).

    One aggregation on memberships, narrowed first to the account's (and the agency's owners
    and admins) by the `(account_id, ...)` indexes, joined to their users by `_id`: a search
    reads only the account's users, never the whole users collection (an unanchored,
    case-insensitive regex could use no index on it anyway)."""

    # What the list sorts by, and the value it sorts on (names case-insensitively).
    SORT_KEYS: dict[str, Any] = {
        "name": {"$toLower": "$user.name"},
        "email": "$user.email",
        "joined_at": "$created_at",
    }
    sortable = frozenset(SORT_KEYS)

    def __init__(self, account: Account, *, members_only: bool = False) -> None:
        self.account = account
        self.agency_id = None if members_only else account.parent_id

    async def paginate(
        self, params: PageParams, search: str | None = None, role: Role | None = None
    ) -> Page[AccountUser]:
        stages = self.listed()
        if role is not None:
            stages.append({"$match": {"role": role.value}})
        stages += [
            {
                "$lookup": {
                    "from": "users",
                    "localField": "user_id",
                    "foreignField": "_id",
                    "as": "user",
                }
            },
            {"$unwind": "$user"},  # a user deleted since is left out
        ]
        if search:
            containing = {"$regex": re.escape(search), "$options": "i"}
            stages.append(
                {"$match": {"$or": [{"user.name": containing}, {"user.email": containing}]}}
            )
        rows, pagination = await sorted_page(
            Membership, stages, self.SORT_KEYS, params, tie="$user_id"
        )
        listed = [
            AccountUser(
                User.model_validate(row["user"]),
                Role(row["role"]),
                row["scopes"],
                row["created_at"],
                row["via_agency"],
            )
            for row in rows
        ]
        return Page[AccountUser](data=listed, pagination=pagination)

    def listed(self) -> list[dict[str, Any]]:
        """The memberships listed, one per user, each with its role here and `via_agency`."""
        own = {"account_id": self.account.id}
        if self.agency_id is None:
            return [{"$match": own}, {"$addFields": {"via_agency": False}}]
        agency_roles = [role.value for role in AGENCY_ROLES_IN_SUB_ACCOUNTS]
        through_agency = {"account_id": self.agency_id, "role": {"$in": agency_roles}}
        return [
            {"$match": {"$or": [own, through_agency]}},
            {"$addFields": {"via_agency": {"$ne": ["$account_id", self.account.id]}}},
            # A member here who is also an owner or admin of the agency is listed once, as
            # the member: their own membership wins, as it does for their sessions.
            {"$sort": {"via_agency": 1}},
            {"$group": {"_id": "$user_id", "listed": {"$first": "$$ROOT"}}},
            {"$replaceRoot": {"newRoot": "$listed"}},
            {"$addFields": {"role": {"$cond": ["$via_agency", Role.ADMIN.value, "$role"]}}},
        ]


async def memberships_of(user_id: str | PydanticObjectId) -> list[Membership]:
    """Every membership of the user (a person is a member of a few accounts)."""
    return await Membership.find({"user_id": object_id(user_id)}).to_list()


# What a user's accounts sort by.
ACCOUNT_SORT_KEYS: dict[str, Any] = {"name": {"$toLower": "$name"}, "created_at": "$created_at"}


async def accounts_page(
    account_ids: Iterable[PydanticObjectId],
    agency_ids: Iterable[PydanticObjectId],
    params: PageParams,
) -> Page[Account]:
    """These accounts and every sub-account of these agencies (by the `parent_id` index)."""
    among = {"$or": [{"_id": {"$in": list(account_ids)}}, {"parent_id": {"$in": list(agency_ids)}}]}
    rows, pagination = await sorted_page(Account, [{"$match": among}], ACCOUNT_SORT_KEYS, params)
    return Page[Account](data=[Account.model_validate(row) for row in rows], pagination=pagination)


async def sorted_page(
    model: type[Document],
    stages: list[dict[str, Any]],
    sort_keys: dict[str, Any],
    params: PageParams,
    tie: str = "$_id",
) -> tuple[list[dict[str, Any]], Pagination]:
    """One page of what the stages yield, sorted by `params.sort` (one of `sort_keys`, ties
    broken by `tie` in the same direction), and their total: one round trip."""
    direction = -1 if params.sort.startswith("-") else 1
    sort_key = sort_keys[params.sort.removeprefix("-")]
    pipeline = [
        *stages,
        {"$addFields": {"_sort": sort_key, "_tie": tie}},
        {"$sort": {"_sort": direction, "_tie": direction}},
        {"$project": {"_sort": 0, "_tie": 0}},
        {
            "$facet": {
                "rows": [{"$skip": params.skip}, {"$limit": params.limit}],
                "total": [{"$count": "count"}],
            }
        },
    ]
    [result] = await model.aggregate(pipeline, allowDiskUse=True).to_list()
    total = result["total"][0]["count"] if result["total"] else 0
    rows = result["rows"]
    return rows, Pagination.of(params, len(rows), total)


async def set_confirmed_email(user_id: PydanticObjectId, email: str) -> None:
    """The user's email is now `email`, confirmed; DuplicateKeyError when another user has it
    (a query update: a document's own save reports that as a revision clash)."""
    now = utc_now()
    await User.find_one({"_id": user_id}).update(
        {"$set": {"email": email, "email_verified_at": now, "updated_at": now}}
    )
