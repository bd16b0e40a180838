"""Every query of signing in: a user's sessions, where a user starts, invitations by token,
and undoing a sign-up that failed half-way."""

from beanie import PydanticObjectId

from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.invitation import Invitation
from shared.models.membership import Membership
from shared.models.session import Session
from shared.models.user import User
from shared.utilities.repository import OwnedRepository


class SessionRepository(OwnedRepository[Session]):
    """A user's sessions."""

    noun = "Session"
    sortable = frozenset({"created_at", "last_seen_at"})

    def __init__(self, user_id: str | PydanticObjectId) -> None:
        super().__init__(Session, "user_id", user_id)

    @staticmethod
    def live() -> dict:
        """Neither revoked nor expired (idle ones are live until the router next reads them)."""
        return {"revoked_at": None, "expires_at": {"$gt": utc_now()}}

    async def unrevoked(self) -> list[Session]:
        return await Session.find(self.scoped({"revoked_at": None})).to_list()


async def first_membership(user_id: PydanticObjectId) -> Membership | None:
    return await Membership.find({"user_id": user_id}).sort("created_at").first_or_none()


async def invitation_by_token(token_hash: str) -> Invitation | None:
    return await Invitation.find_one({"token_hash": token_hash})


async def claim(invitation: Invitation) -> bool:
    """Marks the invitation accepted, once: of two concurrent claims one answers False."""
    claimed = await Invitation.find_one({"_id": invitation.id, "accepted_at": None}).update(
        {"$set": {"accepted_at": utc_now()}, "$unset": {"open_key": ""}}
    )
    return bool(claimed) and claimed.modified_count == 1


async def undo_signup(user: User, account: Account) -> None:
    """Deletes what a sign-up stored, so its email is free again."""
    await Session.find({"user_id": user.id}).delete()
    await Membership.find({"user_id": user.id, "account_id": account.id}).delete()
    await Account.find({"_id": account.id}).delete()
    await user.delete()
