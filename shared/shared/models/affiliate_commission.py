"""The commission ledger: an entry per paid invoice of a referred account (an accrual) and per
refund of one (a reversal, negative), each written once by the id of the event that caused it,
each naming its invoice. A payout takes the entries it pays (`payout_id`)."""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class EntryKind(StrEnum):
    ACCRUAL = "accrual"
    REVERSAL = "reversal"


class AffiliateCommission(TenantDocument):
    affiliate_id: PydanticObjectId
    referral_id: PydanticObjectId
    referred_account_id: PydanticObjectId
    invoice_id: str
    event_id: str  # the invoice_paid / invoice_refunded event: an entry per event, once
    kind: EntryKind
    amount: int  # minor units, negative for a reversal
    currency: str
    invoice_amount: int  # what was paid (or refunded), minor units of `currency`
    occurred_at: datetime  # when the invoice was paid (or refunded)
    payout_id: PydanticObjectId | None = None

    class Settings:
        name = "affiliate_commissions"
        indexes = [
            IndexModel([("account_id", ASCENDING), ("event_id", ASCENDING)], unique=True),
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("affiliate_id", ASCENDING),
                    ("payout_id", ASCENDING),
                    ("currency", ASCENDING),
                ]
            ),
            IndexModel([("account_id", ASCENDING), ("invoice_id", ASCENDING)]),
            # A refund finds the invoice's entries by the paying account.
            IndexModel([("referred_account_id", ASCENDING), ("invoice_id", ASCENDING)]),
            IndexModel([("account_id", ASCENDING), ("occurred_at", DESCENDING)]),
        ]
