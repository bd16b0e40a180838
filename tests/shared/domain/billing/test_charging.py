"""An invoice's attempts: charged once per attempt whatever happens to the task, a declined
card's dunning up to the sub-account's suspension, and the Stripe request an attempt sends."""

import os
from datetime import timedelta

import httpx
import pytest

from shared.domain.accounts.lifecycle import suspend, suspend_ended
from shared.domain.billing.charging import NO_CARD, charge_invoice, queue_due_charges
from shared.domain.billing.reactivation import reactivate_paid_up
from shared.domain.billing.subscriptions import Terms, subscribe
from shared.domain.payments.stripe import StripePaymentProvider
from shared.models.account import Account, AccountStatus
from shared.models.base import utc_now
from shared.models.billing_invoice import BillingInvoice, InvoiceStatus, Seller
from shared.models.billing_payment_attempt import BillingPaymentAttempt
from shared.models.billing_plan import BillingPlan, PlanStatus
from shared.models.local_payment_object import LocalPaymentObject
from shared.models.payment_customer import PaymentCustomer
from shared.utilities.errors import UpstreamError
from shared.utilities.redis import create_redis
from tests.billing_factories import create_payer, create_plan, create_price
from tests.external_api.fakes import FakeProviders, form_of, json_answer
from tests.external_api.fakes.stripe_payments import (
    CONNECTED,
    CUSTOMER_ID,
    PAYMENT_INTENTS_URL,
    PAYMENT_METHOD_ID,
    SECRET_KEY,
    payment_intent,
)
from tests.factories import create_account, create_sub_account
from tests.shared.domain.billing.conftest import RETRY_DAYS, published
from tests.shared.domain.payments.dying import DiesAfterCharging

GRACE = timedelta(days=7)


async def first_invoice(plan) -> BillingInvoice:
    return await BillingInvoice.find_one({"plan_id": plan.id})


async def test_a_charge_retried_after_its_worker_died_charges_once(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, utc_now())
    invoice = await first_invoice(plan)
    with pytest.raises(SystemExit):
        await charge_invoice(DiesAfterCharging(local), str(invoice.id), RETRY_DAYS)

    outcome = await charge_invoice(local, str(invoice.id), RETRY_DAYS)

    assert outcome == "succeeded"
    assert await LocalPaymentObject.find({"kind": "payment_intent"}).count() == 1
    assert (await BillingInvoice.get(invoice.id)).status is InvoiceStatus.PAID
    assert published(outbox) == ["invoice.paid"]


async def test_a_paid_invoice_asked_again_is_settled_and_charged_no_more(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, utc_now())
    invoice = await first_invoice(plan)
    await charge_invoice(local, str(invoice.id), RETRY_DAYS)

    again = await charge_invoice(local, str(invoice.id), RETRY_DAYS)

    assert again == "settled"
    assert await BillingPaymentAttempt.find({"invoice_id": invoice.id}).count() == 1


async def test_a_paid_invoice_makes_the_sub_account_paid_up_to_the_periods_end(local, outbox):
    agency, sub_account, _ = await create_payer(local)
    plan = await create_plan(local, agency, sub_account, utc_now())

    await charge_invoice(local, str((await first_invoice(plan)).id), RETRY_DAYS)

    plan = await BillingPlan.get(plan.id)
    assert (await Account.get(sub_account.id)).active_until == plan.current_period_end


async def test_a_declined_card_is_retried_on_schedule_then_the_sub_account_suspended(local, outbox):
    agency, declined, _ = await create_payer(local, card="pm_card_chargeDeclined")
    _, paying, _ = await create_payer(local, agency)
    started = utc_now() - timedelta(days=20)
    plan = await create_plan(local, agency, declined, started)
    paid = await first_invoice(await create_plan(local, agency, paying, started))
    await charge_invoice(local, str(paid.id), RETRY_DAYS, now=started)
    invoice = await first_invoice(plan)

    await charge_invoice(local, str(invoice.id), RETRY_DAYS, now=started)
    assert (await BillingPlan.get(plan.id)).status is PlanStatus.PAST_DUE
    assert (await BillingInvoice.get(invoice.id)).next_attempt_at == started + timedelta(days=1)
    for day in (1, 4, 9):  # each retry when the charge cron finds it due: 1, 3 and 5 days on
        at = started + timedelta(days=day)
        assert await queue_due_charges(Seller.AGENCY, at, 100) == 1
        await charge_invoice(local, str(invoice.id), RETRY_DAYS, now=at)
    redis = create_redis(os.environ["REDIS_URL"])
    try:
        suspended = await suspend_ended(redis, GRACE, 100)
    finally:
        await redis.aclose()

    invoice = await BillingInvoice.get(invoice.id)
    assert (invoice.status, invoice.attempt_count) == (InvoiceStatus.UNCOLLECTIBLE, 4)
    assert invoice.last_failure_code == "card_declined"
    assert (await BillingPlan.get(plan.id)).status is PlanStatus.UNPAID
    assert suspended == 1
    assert (await Account.get(declined.id)).status is AccountStatus.SUSPENDED
    assert (await Account.get(paying.id)).status is AccountStatus.ACTIVE


async def test_an_account_without_a_card_fails_its_attempt_without_asking_the_provider(
    local, outbox, told
):
    agency, sub_account, _ = await create_payer(local, card=None)
    plan = await create_plan(local, agency, sub_account, utc_now())

    outcome = await charge_invoice(local, str((await first_invoice(plan)).id), RETRY_DAYS)

    assert outcome == "failed"
    assert (await first_invoice(plan)).last_failure_code == NO_CARD
    assert told == []


async def test_an_attempt_through_stripe_names_the_agencys_account_and_the_attempts_key(
    outbox,
):
    agency = await create_account()
    sub_account = await create_sub_account(agency)
    await PaymentCustomer(
        account_id=sub_account.id,
        provider="stripe",
        connected_account=CONNECTED,
        customer_id=CUSTOMER_ID,
        default_payment_method=PAYMENT_METHOD_ID,
    ).insert()
    terms = Terms(await create_price(agency))
    plan = await subscribe(agency, sub_account, terms, "stripe", CONNECTED, utc_now())
    invoice = await first_invoice(plan)
    fake = FakeProviders()
    fake.on("POST", PAYMENT_INTENTS_URL, json_answer(payment_intent(amount=3000)))

    async with httpx.AsyncClient(transport=fake.transport()) as http:
        await charge_invoice(StripePaymentProvider(http, SECRET_KEY), str(invoice.id), RETRY_DAYS)

    [sent] = fake.sent("POST", PAYMENT_INTENTS_URL)
    assert sent.headers["stripe-account"] == CONNECTED
    assert sent.headers["idempotency-key"] == f"invoice:{invoice.id}:attempt:1"
    body = form_of(sent)
    assert (body["customer"], body["payment_method"]) == (CUSTOMER_ID, PAYMENT_METHOD_ID)
    assert (body["amount"], body["currency"], body["off_session"]) == ("3000", "usd", "true")
    assert body["metadata[invoice_id]"] == str(invoice.id)
    assert (await BillingInvoice.get(invoice.id)).status is InvoiceStatus.PAID


async def test_a_card_the_provider_refuses_is_a_failed_attempt_not_a_stuck_task(local, outbox):
    agency, sub_account, customer = await create_payer(local)
    await local.detach_payment_method(customer.default_payment_method, "detach:1")
    plan = await create_plan(local, agency, sub_account, utc_now())

    outcome = await charge_invoice(local, str((await first_invoice(plan)).id), RETRY_DAYS)

    invoice = await first_invoice(plan)
    assert outcome == "failed"
    assert (invoice.attempt_count, invoice.last_failure_code) == (1, "payment_method_refused")


async def test_a_stripe_still_failing_after_its_retries_leaves_the_attempt_to_try_again(outbox):
    agency = await create_account()
    sub_account = await create_sub_account(agency)
    await PaymentCustomer(
        account_id=sub_account.id,
        provider="stripe",
        connected_account=CONNECTED,
        customer_id=CUSTOMER_ID,
        default_payment_method=PAYMENT_METHOD_ID,
    ).insert()
    terms = Terms(await create_price(agency))
    plan = await subscribe(agency, sub_account, terms, "stripe", CONNECTED, utc_now())
    invoice = await first_invoice(plan)
    fake = FakeProviders()
    fake.on("POST", PAYMENT_INTENTS_URL, json_answer({"error": {"type": "api_error"}}, 500))

    async with httpx.AsyncClient(transport=fake.transport()) as http:
        with pytest.raises(UpstreamError):
            await charge_invoice(
                StripePaymentProvider(http, SECRET_KEY), str(invoice.id), RETRY_DAYS
            )

    assert (await first_invoice(plan)).attempt_count == 0


async def test_a_sub_account_suspended_for_its_ended_period_is_reactivated_once_paid(local, outbox):
    agency, late, _ = await create_payer(local)
    started = utc_now() - timedelta(days=10)
    invoice = await first_invoice(await create_plan(local, agency, late, started))
    _, suspended_by_agency, _ = await create_payer(local, agency)
    redis = create_redis(os.environ["REDIS_URL"])
    try:
        await suspend(redis, suspended_by_agency, "Asked by the agency")
        await suspend_ended(redis, GRACE, 100)
        await charge_invoice(local, str(invoice.id), RETRY_DAYS)

        reactivated = await reactivate_paid_up(redis, utc_now(), 100)
    finally:
        await redis.aclose()

    assert reactivated == 1
    assert (await Account.get(late.id)).status is AccountStatus.ACTIVE
    assert (await Account.get(suspended_by_agency.id)).status is AccountStatus.SUSPENDED
