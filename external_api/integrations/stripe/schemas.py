from datetime import datetime

from pydantic import BaseModel

from shared.models.billing_subscription import SubscriptionItem
from shared.utilities.schemas import DocumentRead


class ConnectedAccountRead(BaseModel):
    """The connected Stripe account, as `GET /v1/account` describes it."""

    id: str
    business_name: str | None
    email: str | None
    country: str | None
    default_currency: str | None
    charges_enabled: bool
    payouts_enabled: bool


class SyncRead(BaseModel):
    """How many of each were copied (new or changed) by the sync."""

    customers: int
    subscriptions: int
    charges: int


class CustomerRead(DocumentRead):
    stripe_id: str
    email: str | None
    name: str | None
    currency: str | None
    balance: int
    deleted: bool
    stripe_created_at: datetime | None


class SubscriptionRead(DocumentRead):
    stripe_id: str
    customer_stripe_id: str
    status: str
    currency: str | None
    items: list[SubscriptionItem]
    cancel_at_period_end: bool
    current_period_end: datetime | None


class ChargeRead(DocumentRead):
    stripe_id: str
    customer_stripe_id: str | None
    amount: int  # minor units of `currency`
    amount_refunded: int
    currency: str
    status: str
    paid: bool
    refunded: bool
    stripe_created_at: datetime | None
