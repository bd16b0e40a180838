"""Every query of the admin. Its callers are the platform's operators, so it reads across
accounts on purpose; no other module does, and these queries are written here alone. The
admin's own collections (the audit log, announcements) belong to no account."""

import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any, TypeVar

from beanie import Document, PydanticObjectId

from shared.domain.accounts.repository import in_statuses
from shared.models.account import Account, AccountKind, AccountStatus
from shared.models.admin_audit_entry import AdminAuditEntry
from shared.models.announcement import Announcement
from shared.models.membership import Membership
from shared.models.user import User
from shared.utilities.pagination import Page, PageParams, Pagination
from shared.utilities.repository import object_id

DocumentT = TypeVar("DocumentT", bound=Document)

ACCOUNT_SORTS = frozenset({"created_at", "updated_at", "name"})
AUDIT_SORTS = frozenset({"created_at"})
# An account searched by a member's email: among the first users whose email starts so.
USERS_MATCHED = 200
MEMBERS_SHOWN = 100


async def paginate(
    model: type[DocumentT], filters: Mapping[str, Any], params: PageParams
) -> Page[DocumentT]:
    """A page of the documents matching `filters` (sorted by a field its route allows), ties
    broken by id in the same direction."""
    tie = "-_id" if params.sort.startswith("-") else "+_id"
    query = model.find(dict(filters)).sort(params.sort, tie)
    items = await query.skip(params.skip).limit(params.limit).to_list()
    total = await model.find(dict(filters)).count()
    return Page[model](data=items, pagination=Pagination.of(params, len(items), total))


async def account(account_id: str) -> Account | None:
    oid = object_id(account_id)
    return await Account.get(oid) if oid else None


async def search_accounts(
    params: PageParams,
    search: str | None,
    kind: AccountKind | None,
    status: AccountStatus | None,
) -> Page[Account]:
    """Accounts whose id is `search`, or whose name holds it (any case), or with a member
    whose email starts with it."""
    filters: dict[str, Any] = {}
    if kind:
        filters["kind"] = kind.value
    if status:
        filters["status"] = in_statuses([status])
    if search and (oid := object_id(search)):
        filters["_id"] = oid
    elif search:
        named = {"name": {"$regex": re.escape(search), "$options": "i"}}
        with_member = {"_id": {"$in": await accounts_with_member_email(search)}}
        filters["$or"] = [named, with_member]
    return await paginate(Account, filters, params)


async def accounts_with_member_email(prefix: str) -> list[PydanticObjectId]:
    # Emails are stored lower-cased; a prefix match is read off the unique email index.
    matching = {"email": {"$regex": "^" + re.escape(prefix.lower())}}
    users = User.find(matching).limit(USERS_MATCHED)
    user_ids = [user.id async for user in users]
    memberships = Membership.find({"user_id": {"$in": user_ids}})
    return list({membership.account_id async for membership in memberships})


async def members(account_id: PydanticObjectId) -> list[tuple[Membership, User]]:
    """The account's members (the first MEMBERS_SHOWN to join) with their users."""
    memberships = (
        await Membership.find({"account_id": account_id})
        .sort("+created_at")
        .limit(MEMBERS_SHOWN)
        .to_list()
    )
    users = await User.find({"_id": {"$in": [m.user_id for m in memberships]}}).to_list()
    by_id = {user.id: user for user in users}
    return [(m, by_id[m.user_id]) for m in memberships if m.user_id in by_id]


async def sub_account_count(agency_id: PydanticObjectId) -> int:
    return await Account.find({"parent_id": agency_id}).count()


async def user(user_id: PydanticObjectId) -> User | None:
    return await User.get(user_id)


async def audit_entries(params: PageParams, filters: Mapping[str, Any]) -> Page[AdminAuditEntry]:
    return await paginate(AdminAuditEntry, filters, params)


async def announcement(announcement_id: str) -> Announcement | None:
    oid = object_id(announcement_id)
    return await Announcement.get(oid) if oid else None


async def withdraw(announcement_id: PydanticObjectId, at: datetime) -> bool:
    """Withdrawn now if it was not: whether it was this call that did it."""
    found = Announcement.find_one({"_id": announcement_id, "withdrawn_at": None})
    result = await found.update({"$set": {"withdrawn_at": at, "updated_at": at}})
    return result.matched_count == 1


async def current_announcements(params: PageParams) -> Page[Announcement]:
    return await paginate(Announcement, {"withdrawn_at": None}, params)
