"""Stripe's payment objects as its API reference documents them (docs.stripe.com/api):
customers, SetupIntents, PaymentMethods, PaymentIntents (and the 402 `card_error` of a
declined one), refunds and Checkout Sessions, on the connected account of `stripe.py`."""

from tests.external_api.fakes.stripe import API, CONNECTED, SECRET_KEY

__all__ = ["API", "CONNECTED", "SECRET_KEY"]

CUSTOMERS_URL = f"{API}/customers"
SETUP_INTENTS_URL = f"{API}/setup_intents"
PAYMENT_INTENTS_URL = f"{API}/payment_intents"
REFUNDS_URL = f"{API}/refunds"
CHECKOUT_SESSIONS_URL = f"{API}/checkout/sessions"
CUSTOMER_ID = "cus_NffrFeUfNV2Hib"
PAYMENT_METHOD_ID = "pm_1NO6mA2eZvKYlo2CEydeHsJc"
PAYMENT_INTENT_ID = "pi_3MtwBwLkdIwHu7ix28a3tqPa"


def payment_methods_url(customer: str = CUSTOMER_ID) -> str:
    return f"{API}/customers/{customer}/payment_methods"


def attach_url(payment_method: str = PAYMENT_METHOD_ID) -> str:
    return f"{API}/payment_methods/{payment_method}/attach"


def detach_url(payment_method: str = PAYMENT_METHOD_ID) -> str:
    return f"{API}/payment_methods/{payment_method}/detach"


def customer(customer_id: str = CUSTOMER_ID, email: str = "jennyrosen@example.com") -> dict:
    return {
        "id": customer_id,
        "object": "customer",
        "balance": 0,
        "created": 1680893993,
        "currency": None,
        "email": email,
        "livemode": False,
        "metadata": {},
        "name": "Jenny Rosen",
    }


SETUP_INTENT = {
    "id": "seti_1Mm8s8LkdIwHu7ix0OXBfTRG",
    "object": "setup_intent",
    "client_secret": "seti_1Mm8s8LkdIwHu7ix0OXBfTRG_secret_NXDICkPqPeiBTAFqWmkbff09lRmSVXe",
    "created": 1678942624,
    "customer": CUSTOMER_ID,
    "livemode": False,
    "payment_method": None,
    "payment_method_types": ["card"],
    "status": "requires_payment_method",
    "usage": "off_session",
}


def payment_method(payment_method_id: str = PAYMENT_METHOD_ID, last4: str = "4242") -> dict:
    return {
        "id": payment_method_id,
        "object": "payment_method",
        "billing_details": {"email": None, "name": None},
        "card": {
            "brand": "visa",
            "country": "US",
            "exp_month": 8,
            "exp_year": 2026,
            "funding": "credit",
            "last4": last4,
        },
        "created": 123456789,
        "customer": CUSTOMER_ID,
        "livemode": False,
        "metadata": {},
        "type": "card",
    }


def payment_intent(
    status: str = "succeeded", amount: int = 2000, currency: str = "usd", metadata=None
) -> dict:
    return {
        "id": PAYMENT_INTENT_ID,
        "object": "payment_intent",
        "amount": amount,
        "amount_received": amount if status == "succeeded" else 0,
        "created": 1680800504,
        "currency": currency,
        "customer": CUSTOMER_ID,
        "description": None,
        "last_payment_error": None,
        "latest_charge": "ch_3MtwBwLkdIwHu7ix28a3tqPa",
        "livemode": False,
        "metadata": metadata or {},
        "payment_method": PAYMENT_METHOD_ID,
        "status": status,
    }


def card_declined() -> dict:
    """The 402 body of a PaymentIntent confirmed off-session with a declined card."""
    intent = payment_intent("requires_payment_method")
    return {
        "error": {
            "code": "card_declined",
            "decline_code": "generic_decline",
            "doc_url": "https://stripe.com/docs/error-codes/card-declined",
            "message": "Your card was declined.",
            "payment_intent": intent,
            "type": "card_error",
        }
    }


def invalid_request(message: str = "No such customer: 'cus_x'") -> dict:
    return {
        "error": {
            "code": "resource_missing",
            "message": message,
            "param": "customer",
            "type": "invalid_request_error",
        }
    }


def refund(amount: int = 1000) -> dict:
    return {
        "id": "re_1Nispe2eZvKYlo2Cd31jOCgZ",
        "object": "refund",
        "amount": amount,
        "charge": "ch_3MtwBwLkdIwHu7ix28a3tqPa",
        "created": 1692942318,
        "currency": "usd",
        "metadata": {},
        "payment_intent": PAYMENT_INTENT_ID,
        "status": "succeeded",
    }


CHECKOUT_SESSION = {
    "id": "cs_test_a11YYufWQzNY63zpQ6QSNRQhkUpVph4WRmzW0zWJO2znZKdVujZ0N0S22u",
    "object": "checkout.session",
    "amount_total": 2500,
    "currency": "usd",
    "mode": "payment",
    "payment_status": "unpaid",
    "status": "open",
    "success_url": "https://example.com/success",
    "url": "https://checkout.stripe.com/c/pay/cs_test_a11YYufWQzNY63zpQ6QSNRQhkUpVph4WRmzW0zWJO2znZKdVujZ0N0S22u",
}
