"""Every query on users. A user belongs to no one account (their memberships do), so these
are plain lookups; what a caller may learn of a user is decided by who asks."""

from collections.abc import Iterable

from beanie import PydanticObjectId

from shared.models.base import utc_now
from shared.models.user import User
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


async def set_confirmed_email(user_id: PydanticObjectId, email: str) -> None:
    """The user's email is now `email`, confirmed; DuplicateKeyError when another user has it
    (a query update: a document's own save reports that as a revision clash)."""
    now = utc_now()
    await User.find_one({"_id": user_id}).update(
        {"$set": {"email": email, "email_verified_at": now, "updated_at": now}}
    )
