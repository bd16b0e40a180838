"""Every query on signup codes: an agency's own (list, get, revoke), and, for signing up, a
code by its hash and the counting of its uses."""

from beanie import PydanticObjectId

from shared.models.account_signup_code import AccountSignupCode
from shared.models.base import utc_now
from shared.utilities.repository import TenantRepository


class SignupCodeRepository(TenantRepository[AccountSignupCode]):
    """An agency's signup codes."""

    noun = "Signup code"

    def __init__(self, agency_id: str | PydanticObjectId) -> None:
        super().__init__(AccountSignupCode, agency_id)


async def by_hash(code_hash: str) -> AccountSignupCode | None:
    return await AccountSignupCode.find_one({"code_hash": code_hash})


async def claim_use(code: AccountSignupCode) -> bool:
    """Counts one use, in one conditional write, while the code is usable (not revoked, not
    expired, a use left): of two sign-ups taking its last use at once, one answers False."""
    usable: dict = {"_id": code.id, "revoked_at": None}
    if code.max_uses is not None:
        usable["uses"] = {"$lt": code.max_uses}
    if code.expires_at is not None:
        usable["expires_at"] = {"$gt": utc_now()}
    claimed = await AccountSignupCode.find_one(usable).update(
        {"$inc": {"uses": 1}, "$set": {"updated_at": utc_now()}}
    )
    return bool(claimed) and claimed.modified_count == 1


async def give_back_use(code: AccountSignupCode) -> None:
    """Takes back a use claimed by a sign-up that failed afterwards."""
    await AccountSignupCode.find_one({"_id": code.id, "uses": {"$gt": 0}}).update(
        {"$inc": {"uses": -1}, "$set": {"updated_at": utc_now()}}
    )
