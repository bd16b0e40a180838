"""A discount an agency gives on a subscription's invoices: a percentage (basis points) or an
amount off in one currency, for the first invoice, every invoice, or a number of months."""

from enum import StrEnum

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class CouponDuration(StrEnum):
    ONCE = "once"
    REPEATING = "repeating"  # for `duration_in_months`
    FOREVER = "forever"


class BillingCoupon(TenantDocument):
    """`account_id` is the agency giving it."""

    name: str
    percent_off_basis_points: int | None = None  # 2500 = 25 % off
    amount_off: int | None = None  # minor units of `currency`
    currency: str | None = None  # with `amount_off`
    duration: CouponDuration = CouponDuration.ONCE
    duration_in_months: int | None = None  # repeating only
    active: bool = True

    class Settings:
        name = "billing_coupons"
        indexes = [IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)])]
