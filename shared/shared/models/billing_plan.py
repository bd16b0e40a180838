"""A sub-account's subscription to a plan of its agency (a recurring `billing_price`), billed
through the agency's connected Stripe account. Written only through
`shared.domain.billing.subscriptions` (the billing API, the subscription crons, the payments'
events), so its status moves along one path:

    trialing --trial ends, invoice paid--> active --renewal fails--> past_due
    past_due --a retry is paid--> active;  past_due --retries used up--> unpaid
    active/trialing/past_due --pause--> paused --resume--> active
    any but canceled --cancel now, or the period ends with cancel_at_period_end--> canceled

(The `billing_subscription` collection is another thing: a copy of the Stripe subscriptions the
agency has in its own Stripe account, kept by the Stripe integration.)"""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class PlanStatus(StrEnum):
    TRIALING = "trialing"
    ACTIVE = "active"
    PAST_DUE = "past_due"
    UNPAID = "unpaid"
    PAUSED = "paused"
    CANCELED = "canceled"


# The statuses whose periods go on (a renewal is invoiced at each period's end).
RUNNING = (PlanStatus.TRIALING, PlanStatus.ACTIVE, PlanStatus.PAST_DUE)


class BillingPlan(TenantDocument):
    """`account_id` is the agency; `customer_account_id` the sub-account it bills."""

    customer_account_id: PydanticObjectId
    price_id: PydanticObjectId
    quantity: int = 1
    currency: str  # the price's
    status: PlanStatus
    current_period_start: datetime
    current_period_end: datetime
    trial_end: datetime | None = None
    cancel_at_period_end: bool = False
    canceled_at: datetime | None = None
    paused_at: datetime | None = None
    past_due_since: datetime | None = None
    # The provider and Stripe account its invoices are paid through (None: the test provider's).
    provider: str
    connected_account: str | None = None
    # What a change to a cheaper price left to the sub-account's credit, taken off the next
    # invoices (minor units of `currency`).
    credit: int = 0
    coupon_id: PydanticObjectId | None = None
    # Invoices the coupon has discounted so far (a repeating coupon's months).
    coupon_uses: int = 0
    tax_rate_id: PydanticObjectId | None = None
    # The monthly recurring revenue it stands for (minor units of `currency`), for reports.
    monthly_amount: int = 0
    # Bumped on every change: a change is written only over the version it read.
    version: int = 0

    class Settings:
        name = "billing_plans"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("customer_account_id", ASCENDING)]),
            # The crons: running subscriptions by their period's end, trials by their end.
            IndexModel(
                [
                    ("status", ASCENDING),
                    ("cancel_at_period_end", ASCENDING),
                    ("current_period_end", ASCENDING),
                ]
            ),
            IndexModel([("account_id", ASCENDING), ("canceled_at", ASCENDING)]),
        ]
