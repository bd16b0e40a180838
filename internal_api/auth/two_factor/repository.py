"""Every query of two-factor authentication: a user's second factor, the challenges of logins
half-way through, and who in an account has it."""

from collections.abc import Iterable

from beanie import PydanticObjectId
from pymongo import ReturnDocument
from pymongo.errors import DuplicateKeyError

from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.membership import Membership
from shared.models.session import Session
from shared.models.two_factor import TwoFactor
from shared.models.two_factor_challenge import ChallengePurpose, TwoFactorChallenge
from shared.utilities.repository import OwnedRepository

ENABLED = {"enabled_at": {"$ne": None}}
PENDING = {"enabled_at": None}


class TwoFactorRepository(OwnedRepository[TwoFactor]):
    """A user's second factor (at most one: enabled, or pending while they enrol)."""

    noun = "Two-factor authentication"

    def __init__(self, user_id: str | PydanticObjectId) -> None:
        super().__init__(TwoFactor, "user_id", user_id)

    async def current(self) -> TwoFactor | None:
        return await TwoFactor.find_one(self.scoped())

    async def enabled(self) -> TwoFactor | None:
        return await TwoFactor.find_one(self.scoped(ENABLED))

    async def start(self, sealed_secret: str) -> bool:
        """A pending enrolment with this secret, in place of any pending one; False (nothing
        changed) when two-factor authentication is on: the unique user_id refuses the insert."""
        try:
            await TwoFactor.find_one(self.scoped(PENDING)).upsert(
                {"$set": {"sealed_secret": sealed_secret, "updated_at": utc_now()}},
                on_insert=TwoFactor(user_id=self.owner_id, sealed_secret=sealed_secret),
            )
        except DuplicateKeyError:
            return False
        return True

    async def enable(self, pending: TwoFactor, step: int, recovery_code_hashes: list[str]) -> bool:
        """Turns the pending enrolment on, its confirming code's step used; False when it is no
        longer pending (confirmed at the same moment) or the step was used."""
        filters = {"_id": pending.id, **PENDING, "last_step": {"$lt": step}}
        now = utc_now()
        changes = {
            "enabled_at": now,
            "last_step": step,
            "recovery_code_hashes": recovery_code_hashes,
            "updated_at": now,
        }
        outcome = await TwoFactor.find_one(self.scoped(filters)).update({"$set": changes})
        return bool(outcome) and outcome.modified_count == 1

    async def use_step(self, step: int) -> bool:
        """Records a TOTP code's step as used; False when it, or a later one, was used already
        (one atomic update: of two requests with one code, one passes)."""
        filters = {**ENABLED, "last_step": {"$lt": step}}
        changes = {"last_step": step, "updated_at": utc_now()}
        outcome = await TwoFactor.find_one(self.scoped(filters)).update({"$set": changes})
        return bool(outcome) and outcome.modified_count == 1

    async def use_recovery_code(self, code_hash: str) -> bool:
        """Removes the recovery code; False when the user has no such unused one."""
        filters = {**ENABLED, "recovery_code_hashes": code_hash}
        outcome = await TwoFactor.find_one(self.scoped(filters)).update(
            {"$pull": {"recovery_code_hashes": code_hash}, "$set": {"updated_at": utc_now()}}
        )
        return bool(outcome) and outcome.modified_count == 1

    async def replace_recovery_codes(self, recovery_code_hashes: list[str]) -> None:
        changes = {"recovery_code_hashes": recovery_code_hashes, "updated_at": utc_now()}
        await TwoFactor.find_one(self.scoped(ENABLED)).update({"$set": changes})

    async def remove(self) -> None:
        await TwoFactor.find(self.scoped()).delete()


async def users_with_two_factor(user_ids: Iterable[PydanticObjectId]) -> set[PydanticObjectId]:
    found = TwoFactor.find({"user_id": {"$in": list(user_ids)}, **ENABLED})
    return {two_factor.user_id async for two_factor in found}


async def unrevoked_sessions_in(account_id: PydanticObjectId) -> list[Session]:
    return await Session.find({"account_id": account_id, "revoked_at": None}).to_list()


async def account_requiring_it(
    user_id: PydanticObjectId, acting_in: PydanticObjectId
) -> Account | None:
    """An account that requires two-factor authentication and the user is in: one they are a
    member of, or the one they act in now (an agency's owner in a sub-account)."""
    memberships = Membership.find({"user_id": user_id})
    account_ids = {membership.account_id async for membership in memberships} | {acting_in}
    return await Account.find_one({"_id": {"$in": list(account_ids)}, "require_two_factor": True})


def usable(token_hash: str, purpose: ChallengePurpose, attempts: int) -> dict:
    """The challenge while it may be tried: neither expired nor out of its attempts."""
    return {
        "token_hash": token_hash,
        "purpose": purpose.value,
        "expires_at": {"$gt": utc_now()},
        "attempts": {"$lt": attempts},
    }


async def usable_challenge(
    token_hash: str, purpose: ChallengePurpose, attempts: int
) -> TwoFactorChallenge | None:
    return await TwoFactorChallenge.find_one(usable(token_hash, purpose, attempts))


async def reserve_attempt(
    token_hash: str, purpose: ChallengePurpose, attempts: int
) -> TwoFactorChallenge | None:
    """Counts one attempt on the challenge before its code is checked, in one operation, so
    parallel guesses together get no more than `attempts`; None when it is not usable."""
    found = await TwoFactorChallenge.get_motor_collection().find_one_and_update(
        usable(token_hash, purpose, attempts),
        {"$inc": {"attempts": 1}},
        return_document=ReturnDocument.AFTER,
    )
    return TwoFactorChallenge.model_validate(found) if found else None


async def consume(challenge: TwoFactorChallenge) -> bool:
    """Deletes the challenge; False when another request used it first."""
    outcome = await TwoFactorChallenge.find_one({"_id": challenge.id}).delete()
    return bool(outcome) and outcome.deleted_count == 1
