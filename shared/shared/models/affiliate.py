"""A partner of a programme: invited by the account or signed up on the programme's page,
with a referral code (its short link carries it) and, once onboarded, a Tipalti payee."""

from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class AffiliateStatus(StrEnum):
    PENDING = "pending"  # signed up, waiting for the account's approval
    ACTIVE = "active"
    DISABLED = "disabled"  # earns nothing more; what it earned is still paid


class Affiliate(TenantDocument):
    programme_id: PydanticObjectId
    name: str
    email: str
    status: AffiliateStatus = AffiliateStatus.ACTIVE
    code: str  # the referral code: unique across the platform
    short_link_id: PydanticObjectId | None = None
    short_url: str = ""
    # Tipalti's payee id for it (our `refCode` there, `idap` in its iFrame): set at onboarding.
    tipalti_payee_id: str = ""
    payable: bool = False  # Tipalti says the payee may be paid

    class Settings:
        name = "affiliates"
        use_state_management = True
        indexes = [
            IndexModel([("code", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("email", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
