"""The billing API's bodies and answers. Money is integer minor units with its ISO 4217 code."""

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from internal_api.fields import CurrencyCode
from shared.models.billing_coupon import CouponDuration
from shared.models.billing_invoice import InvoiceStatus, Seller
from shared.models.billing_plan import PlanStatus
from shared.models.billing_price import Interval, PriceKind
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

Name = Annotated[str, Field(min_length=1, max_length=200)]
Amount = Annotated[int, Field(ge=0, le=100_000_000_00, description="minor units")]
BasisPoints = Annotated[int, Field(ge=0, le=10_000, description="hundredths of a percent")]


class ProductCreate(WriteModel):
    name: Name
    description: Annotated[str, Field(max_length=2000)] = ""


class ProductUpdate(WriteModel):
    name: Name | None = None
    description: Annotated[str, Field(max_length=2000)] | None = None
    active: bool | None = None


class ProductRead(DocumentRead):
    name: str
    description: str
    active: bool


class PriceCreate(WriteModel):
    product_id: IdStr
    nickname: Annotated[str, Field(max_length=200)] = ""
    kind: PriceKind
    unit_amount: Amount
    currency: CurrencyCode
    interval: Interval | None = None
    interval_count: Annotated[int, Field(ge=1, le=12)] = 1
    trial_days: Annotated[int, Field(ge=0, le=730)] = 0


class PriceRead(DocumentRead):
    product_id: IdStr
    nickname: str
    kind: PriceKind
    unit_amount: int
    currency: str
    interval: Interval | None
    interval_count: int
    trial_days: int
    active: bool


class TaxRateCreate(WriteModel):
    name: Name
    basis_points: BasisPoints
    inclusive: bool = False


class TaxRateRead(DocumentRead):
    name: str
    basis_points: int
    inclusive: bool
    active: bool


class CouponCreate(WriteModel):
    name: Name
    percent_off_basis_points: BasisPoints | None = None
    amount_off: Amount | None = None
    currency: CurrencyCode | None = None
    duration: CouponDuration = CouponDuration.ONCE
    duration_in_months: Annotated[int, Field(ge=1, le=120)] | None = None


class CouponRead(DocumentRead):
    name: str
    percent_off_basis_points: int | None
    amount_off: int | None
    currency: str | None
    duration: CouponDuration
    duration_in_months: int | None
    active: bool


Quantity = Annotated[int, Field(ge=1, le=10_000)]


class PlanCreate(WriteModel):
    sub_account_id: IdStr
    price_id: IdStr
    quantity: Quantity = 1
    coupon_id: IdStr | None = None
    tax_rate_id: IdStr | None = None


class PlanChange(WriteModel):
    price_id: IdStr
    quantity: Quantity = 1


class PlanCancel(WriteModel):
    at_period_end: bool = Field(
        True, description="keep the plan to the end of the period paid for; false ends it now"
    )


class PlanRead(DocumentRead):
    customer_account_id: IdStr
    price_id: IdStr
    quantity: int
    currency: str
    status: PlanStatus
    current_period_start: datetime
    current_period_end: datetime
    trial_end: datetime | None
    cancel_at_period_end: bool
    canceled_at: datetime | None
    paused_at: datetime | None
    past_due_since: datetime | None
    credit: int
    coupon_id: IdStr | None
    tax_rate_id: IdStr | None
    monthly_amount: int


class InvoiceItem(WriteModel):
    price_id: IdStr
    quantity: Quantity = 1


class InvoiceCreate(WriteModel):
    """One-off prices invoiced to a sub-account and charged to its card at once."""

    sub_account_id: IdStr
    items: Annotated[list[InvoiceItem], Field(min_length=1, max_length=50)]
    coupon_id: IdStr | None = None
    tax_rate_id: IdStr | None = None


class InvoiceLineRead(ReadModel):
    description: str
    amount: int
    quantity: int
    price_id: IdStr | None
    period_start: datetime | None
    period_end: datetime | None
    proration: bool


class InvoiceRefundRead(ReadModel):
    reference: str
    amount: int
    reason: str
    refunded_at: datetime


class InvoiceRead(DocumentRead):
    customer_account_id: IdStr
    seller: Seller
    plan_id: IdStr | None
    number: str
    currency: str
    lines: list[InvoiceLineRead]
    subtotal: int
    discount: int
    tax: int
    tax_rate_name: str | None
    tax_basis_points: int | None
    tax_inclusive: bool
    total: int
    status: InvoiceStatus
    attempt_count: int
    next_attempt_at: datetime | None
    last_failure_code: str | None
    paid_at: datetime | None
    amount_refunded: int
    refunds: list[InvoiceRefundRead]
    pdf_url: str = Field(description="the invoice as a PDF, for a signed-in user of the account")


class RefundCreate(WriteModel):
    amount: Annotated[int, Field(ge=1)] | None = Field(None, description="none: what is left")
    reason: Annotated[str, Field(max_length=500)] = ""


class SetupIntentRead(BaseModel):
    """For Stripe.js `confirmCardSetup(client_secret, ...)`: the card goes to Stripe only."""

    id: str
    client_secret: str
    provider: str = Field(description="stripe, or test (embedded mode: attach pm_card_visa)")
    connected_account: str | None = Field(
        description="the Stripe account Stripe.js must be initialised with (stripeAccount)"
    )


class PaymentMethodAttach(WriteModel):
    payment_method: Annotated[str, Field(pattern=r"^pm_[A-Za-z0-9_]{1,100}$")]


class PaymentMethodRead(BaseModel):
    id: str
    brand: str | None
    last4: str | None
    exp_month: int | None
    exp_year: int | None
    default: bool


class MonthRow(BaseModel):
    month: str  # YYYY-MM
    currency: str
    mrr: int  # minor units, at the month's end
    active_plans: int
    new_plans: int
    churned_plans: int
    churn_rate_basis_points: int  # churned of those running at the month's start
    failed_payments: int
    failed_amount: int
