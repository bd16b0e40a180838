"""An account's partner programme: an agency's (its clients referred to it) or, for the
platform's own account (INTERNAL_API_AFFILIATES_PLATFORM_ACCOUNT_ID), the platform's (agencies
referred to the platform). One per account."""

from enum import StrEnum

from beanie import Indexed, PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class Attribution(StrEnum):
    FIRST_TOUCH = "first"
    LAST_TOUCH = "last"


class CommissionKind(StrEnum):
    PERCENTAGE = "percentage"  # of each paid invoice, in basis points
    FIXED = "fixed"  # a fixed amount per paid invoice, in the programme's currency


class PayoutMethod(StrEnum):
    TIPALTI = "tipalti"  # submitted through the account's Tipalti connection
    MANUAL = "manual"  # paid outside the platform and marked paid by hand


class AffiliateProgramme(TenantDocument):
    account_id: Indexed(PydanticObjectId, unique=True)  # type: ignore[valid-type]  # Beanie's
    name: str
    active: bool = True
    # Where a referral link leads (the sign-up page), with the referral's visit id added.
    landing_url: str
    # The public id of its sign-up page (`/v1/affiliates/public/programmes/{token}`).
    token: str
    attribution: Attribution = Attribution.LAST_TOUCH
    window_days: int = 30  # a visit older than this at sign-up attributes nothing
    commission_kind: CommissionKind = CommissionKind.PERCENTAGE
    commission_basis_points: int = 2000  # percentage: 2000 is 20 %
    commission_amount: int = 0  # fixed: minor units of `currency`
    currency: str = "USD"  # of fixed commissions and the payout threshold
    recurring_months: int = 12  # invoices paid within this many months of sign-up earn
    min_payout: int = 5000  # minor units: a balance below it waits for the next batch
    payout_method: PayoutMethod = PayoutMethod.MANUAL
    # Affiliates who sign up themselves start pending until approved (invited ones active).
    approve_signups: bool = True

    class Settings:
        name = "affiliate_programmes"
        indexes = [IndexModel([("token", ASCENDING)], unique=True)]
