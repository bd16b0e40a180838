"""Stripe's API and Connect OAuth as documented (docs.stripe.com): token answers, the
connected account, list pages (`has_more`), and signed events."""

import json
import time

from shared.utilities.signatures import sign_timestamped_hmac

API = "https://api.stripe.com/v1"
AUTHORIZE_URL = "https://connect.stripe.com/oauth/authorize"
TOKEN_URL = "https://connect.stripe.com/oauth/token"
ACCOUNT_URL = f"{API}/account"
CUSTOMERS_URL = f"{API}/customers"
SUBSCRIPTIONS_URL = f"{API}/subscriptions"
CHARGES_URL = f"{API}/charges"

SECRET_KEY = "sk_test_platform_4eC39HqLyjWDarjtT1zdp7dc"
CLIENT_ID = "ca_FkyHCg7X8mlvCUdMDao4mMxagUfhtU8H"
WEBHOOK_SECRET = "whsec_test_connect_endpoint"
CONNECTED = "acct_1032D82eZvKYlo2C"
ACCESS_TOKEN = "sk_test_connected_account_token"

TOKEN_ANSWER = {
    "access_token": ACCESS_TOKEN,
    "livemode": False,
    "refresh_token": "rt_H3J2Gv0D5LW2WqlDg4qJb8sqlK5JkgU",
    "token_type": "bearer",
    "stripe_publishable_key": "pk_test_connected",
    "stripe_user_id": CONNECTED,
    "scope": "read_write",
}

ACCOUNT = {
    "id": CONNECTED,
    "object": "account",
    "business_profile": {"name": "Dee's Doughnuts", "url": "https://dees.example.com"},
    "charges_enabled": True,
    "country": "US",
    "default_currency": "usd",
    "details_submitted": True,
    "email": "owner@dees.example.com",
    "payouts_enabled": True,
    "type": "standard",
}


def customer(customer_id: str, name: str = "Jenny Rosen") -> dict:
    return {
        "id": customer_id,
        "object": "customer",
        "balance": 0,
        "created": 1680893993,
        "currency": "usd",
        "email": "jennyrosen@example.com",
        "livemode": False,
        "metadata": {},
        "name": name,
        "phone": None,
    }


SUBSCRIPTION = {
    "id": "sub_1MowQVLkdIwHu7ixeRlqHVzs",
    "object": "subscription",
    "cancel_at_period_end": False,
    "canceled_at": None,
    "created": 1679609767,
    "currency": "usd",
    "current_period_end": 1682288167,
    "current_period_start": 1679609767,
    "customer": "cus_1",
    "items": {
        "object": "list",
        "data": [
            {
                "id": "si_Na6dzxczY5fwHx",
                "object": "subscription_item",
                "price": {
                    "id": "price_1MowQULkdIwHu7ixraBm864M",
                    "object": "price",
                    "currency": "usd",
                    "product": "prod_Na6dGcTsmU0I4R",
                    "recurring": {"interval": "month", "interval_count": 1},
                    "unit_amount": 1000,
                },
                "quantity": 1,
            }
        ],
    },
    "livemode": False,
    "metadata": {},
    "status": "active",
}

CHARGE = {
    "id": "ch_3MmlLrLkdIwHu7ix0snN0B15",
    "object": "charge",
    "amount": 1099,
    "amount_captured": 1099,
    "amount_refunded": 0,
    "created": 1679090539,
    "currency": "usd",
    "customer": "cus_1",
    "description": None,
    "failure_code": None,
    "livemode": False,
    "paid": True,
    "payment_intent": "pi_3MmlLrLkdIwHu7ix0uke3Ezy",
    "refunded": False,
    "status": "succeeded",
}


def page(*objects: dict, has_more: bool = False, url: str = "/v1/customers") -> dict:
    return {"object": "list", "url": url, "has_more": has_more, "data": list(objects)}


def event(event_id: str, event_type: str, stripe_object: dict, created: int | None = None) -> dict:
    """A Connect event: `account` names the connected account it happened in."""
    return {
        "id": event_id,
        "object": "event",
        "account": CONNECTED,
        "api_version": "2024-06-20",
        "created": created or int(time.time()),
        "data": {"object": stripe_object},
        "livemode": False,
        "pending_webhooks": 1,
        "request": {"id": None, "idempotency_key": None},
        "type": event_type,
    }


def signed(body: dict, timestamp: int | None = None, secret: str = WEBHOOK_SECRET):
    payload = json.dumps(body).encode()
    header = sign_timestamped_hmac(secret, payload, timestamp or int(time.time()))
    return payload, {"content-type": "application/json", "stripe-signature": header}
