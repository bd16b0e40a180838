"""One attempt at paying an invoice, with its outcome: one per (invoice, attempt number), the
number being the invoice's attempts made before it plus one, so an attempt asked for again (a
task retried, its event delivered twice) is the same attempt, charged with the same idempotency
key. The failed-payments report counts these."""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class BillingPaymentAttempt(TenantDocument):
    """`account_id` is the invoice's."""

    invoice_id: PydanticObjectId
    attempt: int  # 1 for the first
    amount: int  # minor units of `currency`
    currency: str
    succeeded: bool
    reference: str  # the provider's payment (pi_...)
    failure_code: str | None = None
    attempted_at: datetime

    class Settings:
        name = "billing_payment_attempts"
        indexes = [
            IndexModel([("invoice_id", ASCENDING), ("attempt", ASCENDING)], unique=True),
            IndexModel([("account_id", ASCENDING), ("attempted_at", ASCENDING)]),
        ]
