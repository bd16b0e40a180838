"""Every query of signing in: a user's sessions, where a user starts, invitations by token,
undoing a sign-up that failed half-way, and the tokens of links mailed to users."""

from datetime import datetime

from beanie import PydanticObjectId

from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.invitation import Invitation
from shared.models.membership import Membership, Role
from shared.models.session import Session
from shared.models.user import User
from shared.models.user_token import TokenPurpose, UserToken
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


async def sessions_in(account_ids: list[PydanticObjectId]) -> list[Session]:
    """The unrevoked sessions acting in any of the accounts."""
    return await Session.find({"account_id": {"$in": account_ids}, "revoked_at": None}).to_list()


async def agencies_and_sub_accounts_owned_by(user_id: PydanticObjectId) -> list[PydanticObjectId]:
    """The agencies the user owns, and every sub-account of them."""
    owned = Membership.find({"user_id": user_id, "role": Role.OWNER.value})
    owned_ids = [membership.account_id async for membership in owned]
    agencies = Account.find({"_id": {"$in": owned_ids}, "parent_id": None})
    agency_ids = [agency.id async for agency in agencies if agency.id]
    sub_accounts = Account.find({"parent_id": {"$in": agency_ids}})
    return agency_ids + [sub_account.id async for sub_account in sub_accounts if sub_account.id]


async def replace_token(
    user_id: PydanticObjectId,
    purpose: TokenPurpose,
    token_hash: str,
    email: str,
    expires_at: datetime,
) -> None:
    """The user's one token for the purpose, now this one (an older one stops working)."""
    fresh = {"token_hash": token_hash, "email": email, "expires_at": expires_at, "used_at": None}
    now = utc_now()
    await UserToken.find_one({"user_id": user_id, "purpose": purpose.value}).upsert(
        {"$set": {**fresh, "created_at": now, "updated_at": now}},
        on_insert=UserToken(user_id=user_id, purpose=purpose, **fresh),
    )


async def token_by_hash(token_hash: str, purpose: TokenPurpose) -> UserToken | None:
    return await UserToken.find_one({"token_hash": token_hash, "purpose": purpose.value})


async def claim_token(token: UserToken) -> bool:
    """Marks the token used, once, while it has not expired: of two concurrent claims one
    answers False."""
    unused = {"_id": token.id, "used_at": None, "expires_at": {"$gt": utc_now()}}
    claimed = await UserToken.find_one(unused).update({"$set": {"used_at": utc_now()}})
    return bool(claimed) and claimed.modified_count == 1


async def release_token(token: UserToken) -> None:
    """Unused again: what it was claimed for could not be done."""
    await UserToken.find_one({"_id": token.id}).update({"$set": {"used_at": None}})
