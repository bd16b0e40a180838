"""Something an agency sells its sub-accounts (a plan, a setup fee, an add-on), with its prices
(`billing_price`). Written by the internal API's billing module only."""

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class BillingProduct(TenantDocument):
    """`account_id` is the agency selling it."""

    name: str
    description: str = ""
    active: bool = True  # an archived product keeps its prices for the subscriptions on them

    class Settings:
        name = "billing_products"
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("name", ASCENDING)]),
        ]
