"""An agency's custom domain registered with its connected Stripe account as a payment method
domain (Apple Pay, Google Pay and Link on checkout pages served there), by
QM_VERIFY_STRIPE_DOMAINS."""

from datetime import datetime

from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class PaymentDomain(TenantDocument):
    """`account_id` is the agency."""

    domain: str
    provider_id: str  # pmd_...
    enabled: bool = False
    apple_pay_status: str = "inactive"  # Stripe's: active, inactive
    checked_at: datetime

    class Settings:
        name = "payment_domains"
        indexes = [
            IndexModel([("account_id", ASCENDING), ("domain", ASCENDING)], unique=True),
            IndexModel([("checked_at", ASCENDING)]),
        ]
