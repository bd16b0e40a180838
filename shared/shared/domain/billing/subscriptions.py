"""A sub-account's plan (`BillingPlan`), written here only: subscribed, changed to another
price with proration, cancelled at its period's end or at once, paused and resumed; and the
crons' work: each running plan's next period started and invoiced when its period ends (a
trial's end included, QM_SUBSCRIPTION_ACTIVATE), and plans cancelled at their period's end
(QM_SUBSCRIPTION_CANCEL). Every change is written over the version it read, so two at once
cannot both pass, together with what goes with it (`atomic`: all of it or none), and an
invoice a change makes is charged at once (its attempt queued).

What the sub-account may use follows its plan through `active_until` (the account
lifecycle's paid-up end): the trial's end, or now until the first invoice is paid; extended to
each period's end when its invoice is paid (`events.invoice_paid`); ended now when the plan is
cancelled at once; no end while paused (the agency chose to keep it running unbilled)."""

from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime

from shared.domain.billing import repository
from shared.domain.billing.atomic import new_plan, plan_change
from shared.domain.billing.charging import queue_next_attempt
from shared.domain.billing.errors import (
    AlreadySubscribed,
    NotASubAccount,
    PlanCanceled,
    PlanChanged,
    PlanNotPaused,
    PlanNotRunning,
    PriceArchived,
    PriceMismatch,
    PriceNotRecurring,
)
from shared.domain.billing.invoicing import Billed, coupon_applies, discount_of, make_invoice
from shared.domain.billing.periods import monthly_amount, period_after, seconds_left, trial_end
from shared.domain.payments.money import share_of
from shared.models.account import Account
from shared.models.billing_coupon import BillingCoupon, CouponDuration
from shared.models.billing_invoice import BillingInvoice, InvoiceLine, InvoiceStatus
from shared.models.billing_plan import RUNNING, BillingPlan, PlanStatus
from shared.models.billing_price import BillingPrice, PriceKind
from shared.models.billing_tax_rate import BillingTaxRate


@dataclass(frozen=True)
class Terms:
    """What a new plan is sold on."""

    price: BillingPrice
    quantity: int = 1
    coupon: BillingCoupon | None = None
    tax_rate: BillingTaxRate | None = None


def check_price(price: BillingPrice) -> None:
    if price.kind is not PriceKind.RECURRING:
        raise PriceNotRecurring()
    if not price.active:
        raise PriceArchived()


def billed_by(plan: BillingPlan) -> Billed:
    return Billed(plan.account_id, plan.customer_account_id, plan.provider, plan.connected_account)


async def subscribe(
    agency: Account,
    sub_account: Account,
    terms: Terms,
    provider: str,
    connected_account: str | None,
    now: datetime,
) -> BillingPlan:
    """A trial when the price has one (nothing charged until it ends); otherwise the first
    period invoiced and charged at once."""
    check_price(terms.price)
    assert agency.id is not None and sub_account.id is not None, "stored accounts"
    if sub_account.parent_id != agency.id:
        raise NotASubAccount()
    if await repository.running_plan_of(sub_account.id) is not None:
        raise AlreadySubscribed()
    ends_trial = trial_end(now, terms.price)
    made = BillingPlan(
        account_id=agency.id,
        customer_account_id=sub_account.id,
        price_id=terms.price.id,
        quantity=terms.quantity,
        currency=terms.price.currency,
        status=PlanStatus.TRIALING if ends_trial else PlanStatus.ACTIVE,
        current_period_start=now,
        current_period_end=ends_trial or period_after(now, terms.price),
        trial_end=ends_trial,
        provider=provider,
        connected_account=connected_account,
        coupon_id=terms.coupon.id if terms.coupon else None,
        tax_rate_id=terms.tax_rate.id if terms.tax_rate else None,
        monthly_amount=monthly_amount(terms.price, terms.quantity),
    )
    async with new_plan(made, sub_account):
        plan = await repository.insert_plan(made)
        if plan is None:
            raise AlreadySubscribed()
        await repository.set_active_until(sub_account.id, ends_trial or now)
        if not ends_trial:
            await invoice_period(plan, terms.price, now)
    return plan


async def period_lines(plan: BillingPlan, price: BillingPrice) -> list[InvoiceLine]:
    """The period's charge, and what credit the plan holds taken off it (and off the plan)."""
    product = await repository.product(price.product_id)
    amount = price.unit_amount * plan.quantity
    name = product.name if product else price.nickname or "Plan"
    lines = [
        InvoiceLine(
            description=f"{name} x {plan.quantity}",
            amount=amount,
            quantity=plan.quantity,
            price_id=price.id,
            period_start=plan.current_period_start,
            period_end=plan.current_period_end,
        )
    ]
    used = min(plan.credit, amount)
    if used:
        lines.append(InvoiceLine(description="Credit from an earlier change", amount=-used))
        plan.credit -= used
    return lines


def period_number(plan: BillingPlan) -> str:
    """The number of the invoice of the plan's current period (one per plan and period)."""
    return f"INV-{plan.current_period_start:%Y%m%d%H%M%S}-{str(plan.id)[-8:].upper()}"


async def invoice_period(plan: BillingPlan, price: BillingPrice, now: datetime) -> BillingInvoice:
    """The plan's current period invoiced (once: its number is the plan's and the period's),
    its coupon applied while it lasts, and its first attempt queued."""
    read_version = plan.version
    lines = await period_lines(plan, price)
    coupon = await repository.coupon(plan.coupon_id)
    discounted = coupon if coupon_applies(coupon, plan) else None
    invoice = await make_invoice(
        billed_by(plan),
        lines,
        plan.currency,
        now,
        plan=plan,
        coupon=discounted,
        tax_rate=await repository.tax_rate(plan.tax_rate_id),
        number=period_number(plan),
    )
    plan.coupon_uses += 1 if invoice.discount else 0
    await repository.replace_plan(plan, read_version)
    if invoice.status is InvoiceStatus.OPEN:
        queue_next_attempt(invoice)
    return invoice


async def change_price(
    plan: BillingPlan, price: BillingPrice, quantity: int, now: datetime
) -> BillingInvoice | None:
    """The plan moved to another price of its currency and interval, at once: the unused
    time of the old one credited and the rest of the period on the new one charged, prorated
    by the second, each after the discount in effect (`discount_in_effect`). More to pay is
    invoiced now; less is kept as credit for the next invoices. A trial changes price without
    proration."""
    check_price(price)
    require_running(plan)
    old = await repository.price(plan.price_id)
    assert old is not None, "a plan's price is never deleted"
    if (price.currency, price.interval, price.interval_count) != (
        old.currency,
        old.interval,
        old.interval_count,
    ):
        raise PriceMismatch()
    read_version = plan.version
    lines = (
        []
        if plan.status is PlanStatus.TRIALING
        else proration_lines(plan, old, price, quantity, now, await discount_in_effect(plan))
    )
    net = sum(line.amount for line in lines)
    async with plan_change(plan):
        plan.price_id, plan.quantity = price.id, quantity
        plan.monthly_amount = monthly_amount(price, quantity)
        plan.credit += -net if net < 0 else 0
        if not await repository.replace_plan(plan, read_version):
            raise PlanChanged()
        if net <= 0:
            return None
        invoice = await make_invoice(
            billed_by(plan),
            lines,
            plan.currency,
            now,
            plan=plan,
            tax_rate=await repository.tax_rate(plan.tax_rate_id),
        )
    queue_next_attempt(invoice)
    return invoice


async def discount_in_effect(plan: BillingPlan) -> BillingCoupon | None:
    """The coupon discounting the plan's current period, which discounts its prorations too,
    as a Stripe subscription's discount does (its proration items are net of it): the coupon
    that discounted this period's invoice, while it lasts. A coupon for once is spent on that
    invoice (Stripe takes a `once` discount off the subscription once it has discounted an
    invoice), so a change of price after it is not discounted."""
    coupon = await repository.coupon(plan.coupon_id)
    if coupon is None or coupon.duration is CouponDuration.ONCE:
        return None
    invoice = await repository.invoice_numbered(plan.account_id, period_number(plan))
    return coupon if invoice is not None and invoice.coupon_id == coupon.id else None


def proration_lines(
    plan: BillingPlan,
    old: BillingPrice,
    new: BillingPrice,
    quantity: int,
    now: datetime,
    coupon: BillingCoupon | None,
) -> list[InvoiceLine]:
    """The unused time of the old price credited and the rest of the period on the new one,
    each the period's amount net of `coupon` (the discount a whole period would have had),
    prorated by the second and rounded once."""
    left, whole = seconds_left(now, plan.current_period_start, plan.current_period_end)
    period = {"period_start": now, "period_end": plan.current_period_end, "proration": True}
    after = f" (after {coupon.name})" if coupon else ""

    def net(amount: int) -> int:
        return amount - discount_of(coupon, amount, plan.currency)

    unused = share_of(net(old.unit_amount * plan.quantity), left, whole)
    remaining = share_of(net(new.unit_amount * quantity), left, whole)
    return [
        InvoiceLine(
            description=f"Unused time on the previous price{after}", amount=-unused, **period
        ),
        InvoiceLine(
            description=f"Remaining time on the new price{after}",
            amount=remaining,
            quantity=quantity,
            price_id=new.id,
            **period,
        ),
    ]


def require_running(plan: BillingPlan) -> None:
    if plan.status is PlanStatus.CANCELED:
        raise PlanCanceled()
    if plan.status not in RUNNING:
        raise PlanNotRunning()


async def cancel(plan: BillingPlan, at_period_end: bool, now: datetime) -> BillingPlan:
    """At the period's end (the sub-account keeps what it paid for; QM_SUBSCRIPTION_CANCEL
    ends it then), or now: its open invoices voided and its paid-up end now."""
    if plan.status is PlanStatus.CANCELED:
        raise PlanCanceled()
    read_version = plan.version
    async with plan_change(plan):
        if at_period_end:
            plan.cancel_at_period_end = True
        else:
            plan.status, plan.canceled_at, plan.slot = PlanStatus.CANCELED, now, str(plan.id)
        if not await repository.replace_plan(plan, read_version):
            raise PlanChanged()
        if not at_period_end:
            await end_plan(plan, now)
    return plan


async def end_plan(plan: BillingPlan, now: datetime) -> None:
    assert plan.id is not None, "a stored plan"
    for invoice in await repository.open_invoices_of_plan(plan.id):
        assert invoice.id is not None, "a stored invoice"
        await repository.set_invoice_if(
            invoice.id,
            {"status": InvoiceStatus.OPEN},
            {"$set": {"status": InvoiceStatus.VOID, "next_attempt_at": None}},
        )
    await repository.set_active_until(plan.customer_account_id, now)


async def pause(plan: BillingPlan, now: datetime) -> BillingPlan:
    require_running(plan)
    read_version = plan.version
    async with plan_change(plan):
        plan.status, plan.paused_at = PlanStatus.PAUSED, now
        if not await repository.replace_plan(plan, read_version):
            raise PlanChanged()
        await repository.set_active_until(plan.customer_account_id, None)
    return plan


async def resume(plan: BillingPlan, now: datetime) -> BillingPlan:
    """A new period from now, invoiced and charged at once."""
    if plan.status is not PlanStatus.PAUSED:
        raise PlanNotPaused()
    price = await repository.price(plan.price_id)
    assert price is not None, "a plan's price is never deleted"
    read_version = plan.version
    async with plan_change(plan):
        plan.status, plan.paused_at = PlanStatus.ACTIVE, None
        plan.current_period_start, plan.current_period_end = now, period_after(now, price)
        if not await repository.replace_plan(plan, read_version):
            raise PlanChanged()
        await repository.set_active_until(plan.customer_account_id, now)
        await invoice_period(plan, price, now)
    return plan


async def start_due_periods(now: datetime, batch: int) -> int:
    """QM_SUBSCRIPTION_ACTIVATE: each running plan whose period (or trial) ended, moved on to
    its next period and invoiced (every period missed, if the cron was down); returns how
    many periods started. A plan set to cancel at its period's end is left to
    `cancel_ended`."""
    started = 0
    while due := await repository.plans_due(list(RUNNING), now, batch, cancelling=False):
        this_pass = 0
        for plan in due:
            this_pass += await start_next_period(plan, now)
        started += this_pass
        if len(due) < batch or this_pass == 0:
            break  # the rest next run (another run started these meanwhile)
    return started


async def start_next_period(plan: BillingPlan, now: datetime) -> int:
    price = await repository.price(plan.price_id)
    assert price is not None, "a plan's price is never deleted"
    read_version = plan.version
    try:
        async with plan_change(plan):
            plan.current_period_start = plan.current_period_end
            plan.current_period_end = period_after(plan.current_period_start, price)
            if plan.status is PlanStatus.TRIALING:
                plan.status = PlanStatus.ACTIVE
            if not await repository.replace_plan(plan, read_version):
                raise PlanChanged()
            await invoice_period(plan, price, now)
    except PlanChanged:
        return 0  # another run (or change) came first
    return 1


async def cancel_ended(now: datetime, batch: int) -> int:
    """QM_SUBSCRIPTION_CANCEL: plans set to cancel at their period's end, cancelled once it
    has come; returns how many."""
    ended = 0
    statuses = [*RUNNING, PlanStatus.UNPAID]
    for plan in await repository.plans_due(statuses, now, batch, cancelling=True):
        read_version = plan.version
        with suppress(PlanChanged):  # another run (or change) came first
            async with plan_change(plan):
                plan.status, plan.canceled_at = PlanStatus.CANCELED, plan.current_period_end
                plan.slot = str(plan.id)
                if not await repository.replace_plan(plan, read_version):
                    raise PlanChanged()
                await end_plan(plan, plan.current_period_end)
                ended += 1
    return ended
