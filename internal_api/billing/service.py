"""The agency's plans for its sub-accounts and its invoices: plans subscribed, changed, cancelled,
paused and resumed through `shared.domain.billing.subscriptions`; invoices read, tried again and
refunded (the refund recorded through `events.invoice_refunded`, the only way)."""

from beanie import PydanticObjectId

from internal_api.billing.catalogue import agency_of
from internal_api.billing.errors import PlatformInvoice
from internal_api.billing.repository import (
    CouponRepository,
    InvoiceRepository,
    PayerInvoiceRepository,
    PlanRepository,
    PriceRepository,
    SubAccountRepository,
    TaxRateRepository,
)
from internal_api.billing.schemas import (
    InvoiceCreate,
    PlanCancel,
    PlanChange,
    PlanCreate,
    RefundCreate,
)
from shared.domain.billing import repository as billing
from shared.domain.billing import subscriptions
from shared.domain.billing.charging import queue_next_attempt
from shared.domain.billing.errors import (
    InvoiceNotOpen,
    InvoiceNotPaid,
    RefundTooLarge,
    StripeNotConnected,
)
from shared.domain.billing.events import invoice_refunded
from shared.domain.billing.invoicing import Billed, invoice_one_off
from shared.domain.payments.provider import PaymentProvider
from shared.models.base import utc_now
from shared.models.billing_coupon import BillingCoupon
from shared.models.billing_invoice import BillingInvoice, InvoiceRefund, InvoiceStatus, Seller
from shared.models.billing_plan import BillingPlan
from shared.models.billing_tax_rate import BillingTaxRate
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import object_id


async def biller_for(provider: PaymentProvider, agency_id: PydanticObjectId) -> str | None:
    """The agency's connected Stripe account its sub-accounts are charged in (Stripe only:
    the test provider needs none)."""
    if provider.name != "stripe":
        return None
    connected = await billing.connected_account_of(agency_id)
    connection = await billing.billing_connection(agency_id)
    if connected is None or (connection is not None and not connection.charges_enabled):
        raise StripeNotConnected()
    return connected


async def terms_of(
    agency_id: PydanticObjectId, coupon_id: str | None, tax_rate_id: str | None
) -> tuple[BillingCoupon | None, BillingTaxRate | None]:
    """The agency's coupon and tax rate named (another agency's answer 404)."""
    coupon = await CouponRepository(agency_id).get(coupon_id) if coupon_id else None
    tax_rate = await TaxRateRepository(agency_id).get(tax_rate_id) if tax_rate_id else None
    return coupon, tax_rate


async def create_plan(
    principal: Principal, provider: PaymentProvider, body: PlanCreate
) -> BillingPlan:
    agency_id = agency_of(principal)
    sub_account = await SubAccountRepository(agency_id).get(body.sub_account_id)
    price = await PriceRepository(agency_id).get(body.price_id)
    coupon, tax_rate = await terms_of(agency_id, body.coupon_id, body.tax_rate_id)
    agency = await billing.account(agency_id)
    assert agency is not None, "the caller's own account"
    connected = await biller_for(provider, agency_id)
    terms = subscriptions.Terms(price, body.quantity, coupon, tax_rate)
    return await subscriptions.subscribe(
        agency, sub_account, terms, provider.name, connected, utc_now()
    )


async def list_plans(
    principal: Principal, params: PageParams, sub_account_id: str | None
) -> Page[BillingPlan]:
    filters = {"customer_account_id": object_id(sub_account_id)} if sub_account_id else {}
    return await PlanRepository(agency_of(principal)).paginate(params, filters)


async def get_plan(principal: Principal, plan_id: str) -> BillingPlan:
    return await PlanRepository(agency_of(principal)).get(plan_id)


async def change_plan(principal: Principal, plan_id: str, body: PlanChange) -> BillingPlan:
    plan = await get_plan(principal, plan_id)
    price = await PriceRepository(plan.account_id).get(body.price_id)
    await subscriptions.change_price(plan, price, body.quantity, utc_now())
    return plan


async def cancel_plan(principal: Principal, plan_id: str, body: PlanCancel) -> BillingPlan:
    plan = await get_plan(principal, plan_id)
    return await subscriptions.cancel(plan, body.at_period_end, utc_now())


async def pause_plan(principal: Principal, plan_id: str) -> BillingPlan:
    return await subscriptions.pause(await get_plan(principal, plan_id), utc_now())


async def resume_plan(principal: Principal, plan_id: str) -> BillingPlan:
    return await subscriptions.resume(await get_plan(principal, plan_id), utc_now())


async def create_invoice(
    principal: Principal, provider: PaymentProvider, body: InvoiceCreate
) -> BillingInvoice:
    """One-off prices invoiced to a sub-account, its charge queued at once."""
    agency_id = agency_of(principal)
    sub_account = await SubAccountRepository(agency_id).get(body.sub_account_id)
    prices = PriceRepository(agency_id)
    items = [(await prices.get(item.price_id), item.quantity) for item in body.items]
    coupon, tax_rate = await terms_of(agency_id, body.coupon_id, body.tax_rate_id)
    assert sub_account.id is not None, "a stored account"
    connected = await biller_for(provider, agency_id)
    billed = Billed(agency_id, sub_account.id, provider.name, connected)
    invoice = await invoice_one_off(billed, items, utc_now(), coupon, tax_rate)
    if invoice.status is InvoiceStatus.OPEN:
        queue_next_attempt(invoice)
    return invoice


async def list_invoices(
    principal: Principal,
    params: PageParams,
    status: InvoiceStatus | None,
    sub_account_id: str | None,
) -> Page[BillingInvoice]:
    filters: dict = {"status": status} if status else {}
    if sub_account_id:
        filters["customer_account_id"] = object_id(sub_account_id)
    return await InvoiceRepository(principal.account_id).paginate(params, filters)


async def get_invoice(principal: Principal, invoice_id: str) -> BillingInvoice:
    return await InvoiceRepository(principal.account_id).get(invoice_id)


async def list_invoices_to_pay(principal: Principal, params: PageParams) -> Page[BillingInvoice]:
    return await PayerInvoiceRepository(principal.account_id).paginate(params)


async def readable_invoice(principal: Principal, invoice_id: str) -> BillingInvoice:
    """An invoice the caller's account sent, or is to pay; any other answers 404."""
    found = await InvoiceRepository(principal.account_id).find_by_id(invoice_id)
    found = found or await PayerInvoiceRepository(principal.account_id).find_by_id(invoice_id)
    if found is None:
        raise NotFound(f"Invoice {invoice_id} does not exist.")
    return found


async def attempt_invoice(principal: Principal, invoice_id: str) -> BillingInvoice:
    """An open invoice's next attempt now, rather than when the schedule says: by the agency,
    or by the account to pay it once it has saved another card."""
    invoice = await readable_invoice(principal, invoice_id)
    if invoice.status is not InvoiceStatus.OPEN:
        raise InvoiceNotOpen()
    queue_next_attempt(invoice)
    return invoice


async def refund_invoice(
    principal: Principal, provider: PaymentProvider, invoice_id: str, body: RefundCreate
) -> BillingInvoice:
    """All that is left of the payment, or part of it; one refund per request, its key the
    refund's number on the invoice, so a request sent twice at once refunds once."""
    invoice = await get_invoice(principal, invoice_id)
    if invoice.seller is Seller.PLATFORM:
        raise PlatformInvoice()
    if invoice.status is not InvoiceStatus.PAID or not invoice.payment_reference:
        raise InvoiceNotPaid()
    left = invoice.total - invoice.amount_refunded
    amount = body.amount or left
    if amount > left or amount <= 0:
        raise RefundTooLarge(details=[{"field": "amount", "message": f"at most {left}"}])
    refund = await provider.refund(
        invoice.payment_reference,
        amount,
        f"refund:{invoice.id}:{len(invoice.refunds) + 1}",
        invoice.connected_account,
        metadata={"invoice_id": str(invoice.id), "reason": body.reason},
    )
    recorded = InvoiceRefund(
        reference=refund.reference, amount=refund.amount, reason=body.reason, refunded_at=utc_now()
    )
    await invoice_refunded(invoice, recorded)
    return invoice
