"""What the billing collections share: a copy of one Stripe object, kept per account.

The billing collections (`billing_customer`, `billing_subscription`, `billing_charge`) are
written by the Stripe integration, through `shared.domain.billing.store_stripe_object` only.
"""

from datetime import datetime

from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class BillingRecord(TenantDocument):
    stripe_id: str  # cus_..., sub_..., ch_...
    stripe_account_id: str  # the connected Stripe account (acct_...) the object lives in
    livemode: bool = False
    # When Stripe's view of the object was taken: the event's `created`, or the sync's start.
    observed_at: datetime


def stripe_record_indexes() -> list[IndexModel]:
    """One copy per Stripe object per account."""
    return [IndexModel([("account_id", ASCENDING), ("stripe_id", ASCENDING)], unique=True)]
