"""The Stripe provider: what it sends Stripe (the connected account in `Stripe-Account`, an
`Idempotency-Key` on every POST, form bodies as Stripe's reference writes them) and how it reads
Stripe's answers, a declined card included."""

import httpx
import pytest

from shared.domain.payments.errors import PaymentMethodRefused, PaymentProviderFailed
from shared.domain.payments.provider import CheckoutLine, CustomerDetails, PaymentStatus
from shared.domain.payments.stripe import StripePaymentProvider
from shared.utilities.errors import UpstreamError
from tests.external_api.fakes import form_of, json_answer, query_of
from tests.external_api.fakes.stripe_payments import (
    CHECKOUT_SESSION,
    CHECKOUT_SESSIONS_URL,
    CONNECTED,
    CUSTOMER_ID,
    CUSTOMERS_URL,
    PAYMENT_INTENT_ID,
    PAYMENT_INTENTS_URL,
    PAYMENT_METHOD_ID,
    REFUNDS_URL,
    SECRET_KEY,
    SETUP_INTENT,
    SETUP_INTENTS_URL,
    attach_url,
    card_declined,
    customer,
    invalid_request,
    payment_intent,
    payment_method,
    payment_methods_url,
    refund,
)


async def charge(stripe, key: str = "invoice:1:attempt:1"):
    return await stripe.charge_off_session(
        CUSTOMER_ID,
        PAYMENT_METHOD_ID,
        2000,
        "USD",
        key,
        "Pro plan, May",
        connected_account=CONNECTED,
        metadata={"invoice_id": "inv1"},
    )


async def test_an_off_session_charge_sends_the_payment_intent_with_its_key_on_the_agencys_account(
    stripe, fake_stripe
):
    fake_stripe.on("POST", PAYMENT_INTENTS_URL, json_answer(payment_intent()))

    result = await charge(stripe)

    assert (result.status, result.reference) == (PaymentStatus.SUCCEEDED, PAYMENT_INTENT_ID)
    [sent] = fake_stripe.sent("POST", PAYMENT_INTENTS_URL)
    assert sent.headers["authorization"] == f"Bearer {SECRET_KEY}"
    assert sent.headers["stripe-account"] == CONNECTED
    assert sent.headers["idempotency-key"] == "invoice:1:attempt:1"
    assert form_of(sent) == {
        "amount": "2000",
        "currency": "usd",
        "customer": CUSTOMER_ID,
        "payment_method": PAYMENT_METHOD_ID,
        "off_session": "true",
        "confirm": "true",
        "description": "Pro plan, May",
        "metadata[invoice_id]": "inv1",
    }


async def test_a_declined_card_is_a_failed_result_with_stripes_code(stripe, fake_stripe):
    fake_stripe.on("POST", PAYMENT_INTENTS_URL, json_answer(card_declined(), 402))

    result = await charge(stripe)

    assert result.status is PaymentStatus.FAILED
    assert (result.reference, result.failure_code) == (PAYMENT_INTENT_ID, "card_declined")
    assert result.failure_message == "Your card was declined."


async def test_a_busy_stripe_is_asked_again_with_the_same_key(stripe, fake_stripe):
    busy = json_answer({"error": {"type": "api_error", "message": "busy"}}, 503)
    fake_stripe.on("POST", PAYMENT_INTENTS_URL, busy, json_answer(payment_intent()))

    result = await charge(stripe)

    assert result.succeeded
    keys = [
        sent.headers["idempotency-key"] for sent in fake_stripe.sent("POST", PAYMENT_INTENTS_URL)
    ]
    assert keys == ["invoice:1:attempt:1", "invoice:1:attempt:1"]


async def test_a_request_stripe_refuses_is_the_providers_failure_not_a_decline(stripe, fake_stripe):
    fake_stripe.on("POST", PAYMENT_INTENTS_URL, json_answer(invalid_request(), 400))

    with pytest.raises(PaymentProviderFailed) as raised:
        await charge(stripe)

    assert raised.value.code == "payment_provider_failed"
    assert "No such customer" in raised.value.message


async def test_an_unreachable_stripe_is_an_upstream_error():
    def refuse(request):
        raise httpx.ConnectError("refused", request=request)

    async with httpx.AsyncClient(transport=httpx.MockTransport(refuse)) as http:
        with pytest.raises(UpstreamError):
            await charge(StripePaymentProvider(http, SECRET_KEY))


async def test_a_customer_is_made_with_its_account_in_metadata(stripe, fake_stripe):
    fake_stripe.on("POST", CUSTOMERS_URL, json_answer(customer()))

    made = await stripe.create_customer(
        CustomerDetails("a@acme.example", "Acme", {"account_id": "65a"}),
        "customer:acct:65a",
        CONNECTED,
    )

    assert made == CUSTOMER_ID
    [sent] = fake_stripe.sent("POST", CUSTOMERS_URL)
    assert sent.headers["idempotency-key"] == "customer:acct:65a"
    assert form_of(sent) == {
        "email": "a@acme.example",
        "name": "Acme",
        "metadata[account_id]": "65a",
    }


async def test_a_setup_intent_is_for_off_session_card_use_and_answers_its_client_secret(
    stripe, fake_stripe
):
    fake_stripe.on("POST", SETUP_INTENTS_URL, json_answer(SETUP_INTENT))

    intent = await stripe.create_setup_intent(CUSTOMER_ID, "setup:1", CONNECTED)

    assert intent.client_secret == SETUP_INTENT["client_secret"]
    [sent] = fake_stripe.sent("POST", SETUP_INTENTS_URL)
    assert sent.headers["idempotency-key"] == "setup:1"
    assert form_of(sent) == {
        "customer": CUSTOMER_ID,
        "usage": "off_session",
        "payment_method_types[0]": "card",
    }


async def test_payment_methods_are_listed_as_cards_without_a_key(stripe, fake_stripe):
    listed = {"object": "list", "data": [payment_method()], "has_more": False}
    fake_stripe.on("GET", payment_methods_url(), json_answer(listed))

    [card] = await stripe.list_payment_methods(CUSTOMER_ID, CONNECTED)

    assert (card.id, card.brand, card.last4) == (PAYMENT_METHOD_ID, "visa", "4242")
    [sent] = fake_stripe.sent("GET", payment_methods_url())
    assert query_of(sent) == {"type": "card", "limit": "100"}
    assert "idempotency-key" not in sent.headers


async def test_a_card_stripe_declines_at_attach_is_refused(stripe, fake_stripe):
    fake_stripe.on("POST", attach_url(), json_answer(card_declined(), 402))

    with pytest.raises(PaymentMethodRefused):
        await stripe.attach_payment_method(CUSTOMER_ID, PAYMENT_METHOD_ID, "attach:1", CONNECTED)

    [sent] = fake_stripe.sent("POST", attach_url())
    assert form_of(sent) == {"customer": CUSTOMER_ID}
    assert sent.headers["idempotency-key"] == "attach:1"


async def test_a_refund_names_the_payment_and_the_amount(stripe, fake_stripe):
    fake_stripe.on("POST", REFUNDS_URL, json_answer(refund(500)))

    refunded = await stripe.refund(PAYMENT_INTENT_ID, 500, "refund:1", CONNECTED)

    assert (refunded.amount, refunded.status) == (500, "succeeded")
    [sent] = fake_stripe.sent("POST", REFUNDS_URL)
    assert sent.headers["idempotency-key"] == "refund:1"
    assert form_of(sent) == {"payment_intent": PAYMENT_INTENT_ID, "amount": "500"}


async def test_a_checkout_session_sends_each_line_as_price_data(stripe, fake_stripe):
    fake_stripe.on("POST", CHECKOUT_SESSIONS_URL, json_answer(CHECKOUT_SESSION))

    session = await stripe.create_checkout_session(
        [CheckoutLine("SEO audit", 2500, "USD")],
        "https://shop.example/ok?session={CHECKOUT_SESSION_ID}",
        "https://shop.example/cancel",
        "order:1",
        CONNECTED,
        metadata={"order_id": "o1"},
    )

    assert session.url == CHECKOUT_SESSION["url"]
    [sent] = fake_stripe.sent("POST", CHECKOUT_SESSIONS_URL)
    assert sent.headers["idempotency-key"] == "order:1"
    assert form_of(sent) == {
        "mode": "payment",
        "line_items[0][price_data][currency]": "usd",
        "line_items[0][price_data][unit_amount]": "2500",
        "line_items[0][price_data][product_data][name]": "SEO audit",
        "line_items[0][quantity]": "1",
        "success_url": "https://shop.example/ok?session={CHECKOUT_SESSION_ID}",
        "cancel_url": "https://shop.example/cancel",
        "metadata[order_id]": "o1",
        "payment_intent_data[metadata][order_id]": "o1",
    }
