from datetime import datetime

from pydantic import BaseModel

from shared.models.billing_charge import BillingCharge
from shared.models.billing_customer import BillingCustomer
from shared.models.billing_subscription import BillingSubscription, SubscriptionItem


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


class CustomerRead(BaseModel):
    id: str
    stripe_id: str
    email: str | None
    name: str | None
    currency: str | None
    balance: int
    deleted: bool
    stripe_created_at: datetime | None

    @classmethod
    def of(cls, customer: BillingCustomer) -> "CustomerRead":
        return cls(
            id=str(customer.id), **customer.model_dump(include=set(cls.model_fields) - {"id"})
        )


class SubscriptionRead(BaseModel):
    id: str
    stripe_id: str
    customer_stripe_id: str
    status: str
    currency: str | None
    items: list[SubscriptionItem]
    cancel_at_period_end: bool
    current_period_end: datetime | None

    @classmethod
    def of(cls, subscription: BillingSubscription) -> "SubscriptionRead":
        fields = subscription.model_dump(include=set(cls.model_fields) - {"id"})
        return cls(id=str(subscription.id), **fields)


class ChargeRead(BaseModel):
    id: str
    stripe_id: str
    customer_stripe_id: str | None
    amount: int  # minor units of `currency`
    amount_refunded: int
    currency: str
    status: str
    paid: bool
    refunded: bool
    stripe_created_at: datetime | None

    @classmethod
    def of(cls, charge: BillingCharge) -> "ChargeRead":
        return cls(id=str(charge.id), **charge.model_dump(include=set(cls.model_fields) - {"id"}))
