"""A payout to an affiliate: the ledger entries it pays, batched by the queue manager
(QM_AFFILIATES) once their balance reaches the programme's minimum, then paid through Tipalti
or marked paid by hand."""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class PayoutStatus(StrEnum):
    PENDING = "pending"  # batched, not yet sent anywhere
    SUBMITTED = "submitted"  # in a Tipalti payment batch
    PAID = "paid"
    FAILED = "failed"  # Tipalti refused it: its entries are free for the next batch


class AffiliatePayout(TenantDocument):
    affiliate_id: PydanticObjectId
    amount: int  # minor units
    currency: str
    method: str  # tipalti or manual
    status: PayoutStatus = PayoutStatus.PENDING
    ref_code: str  # our reference of the payment at Tipalti (the payout's id)
    tipalti_batch_id: str = ""
    problem: str = ""
    paid_at: datetime | None = None
    paid_by: str = ""  # the user who marked it paid, or "tipalti"

    class Settings:
        name = "affiliate_payouts"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("status", ASCENDING), ("method", ASCENDING)]),
        ]
