"""What billing knows of an agency's connected Stripe account, read by QM_BILLING_NEW_AUTH once
the agency connects it (and again when it reconnects): whether it can take charges, its
country and default currency. Sub-accounts are charged through it only once it can."""

from datetime import datetime

from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class BillingConnection(TenantDocument):
    """`account_id` is the agency."""

    connected_account: str  # acct_...
    charges_enabled: bool = False
    country: str | None = None
    default_currency: str | None = None  # ISO 4217, upper-case
    checked_at: datetime

    class Settings:
        name = "billing_connections"
        indexes = [IndexModel([("account_id", ASCENDING)], unique=True)]
