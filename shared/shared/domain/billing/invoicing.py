"""Invoices made: lines summed, the coupon's discount taken off, the tax rate applied (added on
top, or the part of an inclusive price), each amount rounded once by `payments.money`. An
invoice is made open and due at once; one that comes to nothing is paid at once (through
`events.invoice_paid`, the only way an invoice becomes paid)."""

import secrets
from dataclasses import dataclass
from datetime import datetime

from beanie import PydanticObjectId

from shared.domain.billing import repository
from shared.domain.billing.events import invoice_paid
from shared.domain.payments.money import basis_points_of, share_of
from shared.models.billing_coupon import BillingCoupon, CouponDuration
from shared.models.billing_invoice import BillingInvoice, InvoiceLine, Seller
from shared.models.billing_plan import BillingPlan
from shared.models.billing_tax_rate import BillingTaxRate


@dataclass(frozen=True)
class Totals:
    subtotal: int
    discount: int
    tax: int
    total: int


def discount_of(coupon: BillingCoupon | None, subtotal: int, currency: str) -> int:
    """Never more than the subtotal, and nothing off a credit."""
    if coupon is None or subtotal <= 0:
        return 0
    if coupon.percent_off_basis_points is not None:
        return min(basis_points_of(subtotal, coupon.percent_off_basis_points), subtotal)
    if coupon.amount_off is not None and coupon.currency == currency:
        return min(coupon.amount_off, subtotal)
    return 0


def totals_of(
    lines: list[InvoiceLine],
    currency: str,
    coupon: BillingCoupon | None = None,
    tax_rate: BillingTaxRate | None = None,
) -> Totals:
    subtotal = sum(line.amount for line in lines)
    discount = discount_of(coupon, subtotal, currency)
    taxable = subtotal - discount
    if tax_rate is None or taxable <= 0:
        return Totals(subtotal, discount, 0, taxable)
    if tax_rate.inclusive:
        # The tax is the part of the amount: amount - amount / (1 + rate).
        tax = taxable - share_of(taxable, 10_000, 10_000 + tax_rate.basis_points)
        return Totals(subtotal, discount, tax, taxable)
    tax = basis_points_of(taxable, tax_rate.basis_points)
    return Totals(subtotal, discount, tax, taxable + tax)


def coupon_applies(coupon: BillingCoupon | None, plan: BillingPlan | None) -> bool:
    """Whether the plan's next invoice is still discounted by its coupon."""
    if coupon is None or plan is None:
        return coupon is not None
    if coupon.duration is CouponDuration.FOREVER:
        return True
    if coupon.duration is CouponDuration.ONCE:
        return plan.coupon_uses == 0
    return plan.coupon_uses < (coupon.duration_in_months or 0)


def new_number(prefix: str, now: datetime) -> str:
    return f"{prefix}-{now:%Y%m}-{secrets.token_hex(4).upper()}"


@dataclass(frozen=True)
class Billed:
    """Who bills whom, through which provider and Stripe account."""

    account_id: PydanticObjectId  # whose invoice it is (the agency)
    customer_account_id: PydanticObjectId
    provider: str
    connected_account: str | None
    seller: Seller = Seller.AGENCY


async def make_invoice(
    billed: Billed,
    lines: list[InvoiceLine],
    currency: str,
    now: datetime,
    plan: BillingPlan | None = None,
    coupon: BillingCoupon | None = None,
    tax_rate: BillingTaxRate | None = None,
    number: str | None = None,
) -> BillingInvoice:
    """An open invoice due now; stored once per number (a cron run twice makes one)."""
    totals = totals_of(lines, currency, coupon, tax_rate)
    made = BillingInvoice(
        account_id=billed.account_id,
        customer_account_id=billed.customer_account_id,
        seller=billed.seller,
        plan_id=plan.id if plan else None,
        number=number or new_number("INV", now),
        currency=currency,
        lines=lines,
        subtotal=totals.subtotal,
        discount=totals.discount,
        coupon_id=coupon.id if coupon and totals.discount else None,
        tax=totals.tax,
        tax_rate_name=tax_rate.name if tax_rate else None,
        tax_basis_points=tax_rate.basis_points if tax_rate else None,
        tax_inclusive=bool(tax_rate and tax_rate.inclusive),
        total=max(totals.total, 0),
        provider=billed.provider,
        connected_account=billed.connected_account,
        next_attempt_at=now,
    )
    invoice, new = await repository.insert_invoice(made)
    if new and invoice.total == 0:
        await invoice_paid(invoice, reference=None, at=now)
    return invoice
