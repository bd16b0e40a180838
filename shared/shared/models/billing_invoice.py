"""An invoice of an agency to one of its sub-accounts (or of the platform to an agency: its
fee per sub-account), with its lines, discount, tax and payment. Written only through
`shared.domain.billing`: made by `invoicing`, attempted by `charging`, and made paid or
refunded only by `shared.domain.billing.events` (`invoice_paid`, `invoice_refunded`)."""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class InvoiceStatus(StrEnum):
    OPEN = "open"  # waiting to be paid: attempts follow the dunning schedule
    PAID = "paid"
    UNCOLLECTIBLE = "uncollectible"  # the dunning retries were used up
    VOID = "void"


class Seller(StrEnum):
    AGENCY = "agency"  # the agency bills its sub-account, through its connected Stripe account
    PLATFORM = "platform"  # the platform bills the agency (QM_SUBSCRIPTION_CHARGE_MAINACCOUNT)


class InvoiceLine(BaseModel):
    description: str
    amount: int  # minor units of the invoice's currency; negative for a proration's credit
    quantity: int = 1
    price_id: PydanticObjectId | None = None
    period_start: datetime | None = None
    period_end: datetime | None = None
    proration: bool = False


class InvoiceRefund(BaseModel):
    reference: str  # the provider's refund (re_...), or the refund's own id until it answers
    amount: int
    reason: str = ""
    refunded_at: datetime


class BillingInvoice(TenantDocument):
    """`account_id` is who reads it as theirs: the agency (its invoices to its sub-accounts and
    the platform's to it); `customer_account_id` the account that pays."""

    customer_account_id: PydanticObjectId
    seller: Seller = Seller.AGENCY
    plan_id: PydanticObjectId | None = None
    number: str
    currency: str  # ISO 4217, upper-case
    lines: list[InvoiceLine]
    subtotal: int
    discount: int = 0
    coupon_id: PydanticObjectId | None = None
    tax: int = 0
    tax_rate_name: str | None = None
    tax_basis_points: int | None = None
    tax_inclusive: bool = False
    total: int  # what is charged
    status: InvoiceStatus = InvoiceStatus.OPEN
    # The provider and Stripe account it is paid through (connected_account None: the
    # platform's own), fixed at creation, so a payment's event is believed only from there.
    provider: str
    connected_account: str | None = None
    # Dunning: attempts made (their outcome recorded), and when the next one is due.
    attempt_count: int = 0
    next_attempt_at: datetime | None = None
    last_failure_code: str | None = None
    last_failure_message: str | None = None
    payment_reference: str | None = None  # the pi_... that paid it
    paid_at: datetime | None = None
    amount_refunded: int = 0
    refunds: list[InvoiceRefund] = []

    @property
    def pdf_url(self) -> str:
        """Where a signed-in user of the agency or of the paying account reads it as a PDF."""
        return f"/v1/billing/invoices/{self.id}/pdf"

    class Settings:
        name = "billing_invoices"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("customer_account_id", ASCENDING)]),
            IndexModel([("account_id", ASCENDING), ("status", ASCENDING)]),
            IndexModel([("account_id", ASCENDING), ("number", ASCENDING)], unique=True),
            # The charge cron: open invoices by when their next attempt is due.
            IndexModel([("status", ASCENDING), ("next_attempt_at", ASCENDING)]),
            IndexModel([("payment_reference", ASCENDING)]),
            IndexModel([("plan_id", ASCENDING), ("created_at", DESCENDING)]),
            # The payer's invoices (`/invoices-to-pay`), newest first.
            IndexModel([("customer_account_id", ASCENDING), ("created_at", DESCENDING)]),
        ]
