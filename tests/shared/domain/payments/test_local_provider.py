"""The test payment provider: Stripe's test cards (`pm_card_visa` accepted,
`pm_card_chargeDeclined` declined with `card_declined`), one object per idempotency key, and the
same events Stripe would send, told once."""

import pytest

from shared.domain.payments.errors import PaymentMethodRefused, PaymentsNotConfigured
from shared.domain.payments.local_provider import TestPaymentProvider
from shared.domain.payments.provider import CheckoutLine, CustomerDetails, PaymentStatus
from shared.utilities.settings import RunMode


async def customer_with_card(local, card: str) -> tuple[str, str]:
    customer = await local.create_customer(CustomerDetails("a@acme.example", "Acme"), "cus:1")
    method = await local.attach_payment_method(customer, card, f"attach:{card}")
    return customer, method.id


async def charge(local, customer, method, key="invoice:1:attempt:1"):
    return await local.charge_off_session(customer, method, 2000, "USD", key, "Pro plan")


def test_it_is_refused_in_distributed_mode():
    with pytest.raises(PaymentsNotConfigured):
        TestPaymentProvider(RunMode.DISTRIBUTED)


async def test_the_visa_test_card_is_charged_and_the_success_event_told(local, told):
    customer, method = await customer_with_card(local, "pm_card_visa")

    result = await charge(local, customer, method)

    assert result.status is PaymentStatus.SUCCEEDED
    [event] = told
    assert event["type"] == "payment_intent.succeeded"
    assert event["data"]["object"]["id"] == result.reference
    assert (event["data"]["object"]["amount"], event["data"]["object"]["currency"]) == (2000, "usd")


async def test_the_declining_test_card_fails_with_card_declined(local, told):
    customer, method = await customer_with_card(local, "pm_card_chargeDeclined")

    result = await charge(local, customer, method)

    assert (result.status, result.failure_code) == (PaymentStatus.FAILED, "card_declined")
    assert told.types() == ["payment_intent.payment_failed"]


async def test_a_charge_asked_again_with_its_key_is_the_first_one_and_told_once(local, told):
    customer, method = await customer_with_card(local, "pm_card_visa")
    first = await charge(local, customer, method)

    again = await charge(local, customer, method)

    assert again.reference == first.reference
    assert told.types() == ["payment_intent.succeeded"]


async def test_an_unknown_test_card_is_refused(local):
    customer = await local.create_customer(CustomerDetails(None, "Acme"), "cus:1")

    with pytest.raises(PaymentMethodRefused):
        await local.attach_payment_method(customer, "pm_card_unheardof", "attach:1")

    assert await local.list_payment_methods(customer) == []


async def test_a_detached_card_is_no_longer_listed_nor_charged(local):
    customer, method = await customer_with_card(local, "pm_card_visa")

    await local.detach_payment_method(method, "detach:1")

    assert await local.list_payment_methods(customer) == []
    with pytest.raises(PaymentMethodRefused):
        await charge(local, customer, method)


async def test_a_partial_refund_is_told_once_with_its_payment(local, told):
    customer, method = await customer_with_card(local, "pm_card_visa")
    payment = await charge(local, customer, method)

    refund = await local.refund(payment.reference, 500, "refund:1")
    await local.refund(payment.reference, 500, "refund:1")  # the same refund, asked again

    assert refund.amount == 500
    refunded = told[-1]["data"]["object"]
    assert told.types() == ["payment_intent.succeeded", "refund.created"]
    assert (refunded["id"], refunded["payment_intent"]) == (refund.reference, payment.reference)
    assert refunded["amount"] == 500


async def test_a_refund_past_the_payment_is_refused(local, told):
    customer, method = await customer_with_card(local, "pm_card_visa")
    payment = await charge(local, customer, method)

    with pytest.raises(PaymentMethodRefused):
        await local.refund(payment.reference, 2001, "refund:1")

    assert told.types() == ["payment_intent.succeeded"]


async def test_a_checkout_session_is_paid_at_once_and_leads_to_the_success_url(local, told):
    session = await local.create_checkout_session(
        [CheckoutLine("SEO audit", 2500, "USD", 2)],
        "https://shop.example/ok?session={CHECKOUT_SESSION_ID}",
        "https://shop.example/cancel",
        "order:1",
        metadata={"order_id": "o1"},
    )

    assert session.url == f"https://shop.example/ok?session={session.id}"
    [event] = told
    completed = event["data"]["object"]
    assert event["type"] == "checkout.session.completed"
    assert (completed["amount_total"], completed["payment_status"]) == (5000, "paid")
    assert completed["metadata"] == {"order_id": "o1"}
