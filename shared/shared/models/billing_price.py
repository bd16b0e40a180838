"""A price of an agency's product: once (a setup fee) or every `interval_count` `interval`s (a
plan), in integer minor units of its currency, with the trial a new subscription gets.
Prices never change once made (invoices and subscriptions name them): a new price replaces
an old one, which is archived."""

from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class PriceKind(StrEnum):
    ONE_OFF = "one_off"
    RECURRING = "recurring"


class Interval(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class BillingPrice(TenantDocument):
    """`account_id` is the agency selling the product."""

    product_id: PydanticObjectId
    nickname: str = ""
    kind: PriceKind
    unit_amount: int  # minor units of `currency`
    currency: str  # ISO 4217, upper-case
    interval: Interval | None = None  # recurring only
    interval_count: int = 1
    trial_days: int = 0  # recurring only
    active: bool = True

    class Settings:
        name = "billing_prices"
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("product_id", ASCENDING)]),
        ]
