"""Square's OAuth and API v2 as documented (developer.squareup.com/reference/square): token
answers (`expires_at`, `merchant_id`), the merchant, customer / payment / catalog objects,
list pages (`cursor`), errors (`errors: [{category, code, detail}]`), and webhook events signed
in `x-square-hmacsha256-signature` over the notification URL and the body."""

import json

from shared.utilities.signatures import sign_square

API = "https://connect.squareup.com"
AUTHORIZE_URL = f"{API}/oauth2/authorize"
TOKEN_URL = f"{API}/oauth2/token"
CUSTOMERS_URL = f"{API}/v2/customers"
PAYMENTS_URL = f"{API}/v2/payments"
CATALOG_URL = f"{API}/v2/catalog/list"
CLIENT_ID = "sq0idp-wGVapF8sNt9PLrdj5znuKA"
CLIENT_SECRET = "sq0csp-platform-application-secret"
MERCHANT = "6SSW7HV8K2ST5"
MERCHANT_URL = f"{API}/v2/merchants/{MERCHANT}"
ACCESS_TOKEN = "EAAAEOuLQObrVwJvCvoio8FPpLJ0Jn9Al2AvUqcxHASzMZplTOAeQgPNzbQkadAU"
SIGNATURE_KEY = "asdf1234-square-subscription-key"
WEBHOOK_URL = "https://api.agency.test/v1/e/square/webhooks/events"
VERSION = "2025-01-23"


def token_answer(access_token: str = ACCESS_TOKEN, expires_at: str = "2099-03-09T18:26:12Z"):
    return {
        "access_token": access_token,
        "token_type": "bearer",
        "expires_at": expires_at,
        "merchant_id": MERCHANT,
        "refresh_token": "EQAAEDsw5ATrgjYmWEvhxV5TtbHfxC2RY3oYqQCnGqGXV5A9eNYsaMYMVYWAOAbT",
        "short_lived": False,
    }


MERCHANT_ANSWER = {
    "merchant": {
        "id": MERCHANT,
        "business_name": "Apple A Day",
        "country": "US",
        "language_code": "en-US",
        "currency": "USD",
        "status": "ACTIVE",
        "main_location_id": "9A65CGC72ZQG1",
    }
}


def customer(customer_id: str, updated_at: str = "2024-03-01T10:00:00.000Z", **fields) -> dict:
    return {
        "id": customer_id,
        "created_at": "2024-02-01T09:00:00.000Z",
        "updated_at": updated_at,
        "given_name": "Amelia",
        "family_name": "Earhart",
        "email_address": "Amelia.Earhart@example.com",
        "phone_number": "+1-212-555-4240",
        "preferences": {"email_unsubscribed": False},
        "creation_source": "THIRD_PARTY",
        "version": 1,
        **fields,
    }


def payment(payment_id: str, updated_at: str = "2024-03-01T10:00:02.000Z", **fields) -> dict:
    return {
        "id": payment_id,
        "created_at": "2024-03-01T10:00:00.000Z",
        "updated_at": updated_at,
        "amount_money": {"amount": 1850, "currency": "USD"},
        "total_money": {"amount": 1850, "currency": "USD"},
        "approved_money": {"amount": 1850, "currency": "USD"},
        "status": "COMPLETED",
        "source_type": "CARD",
        "location_id": "9A65CGC72ZQG1",
        "order_id": "pRsjRTgFWATl7so6DxdKBJa7ssbZY",
        "customer_id": "JDKYHBWT1D4F8MFH63DBMEN8Y4",
        "receipt_number": "KkAk",
        "receipt_url": "https://squareup.com/receipt/preview/KkAkhdMsgzn59SM8A89WgKwekxLZY",
        "version_token": "56pRkL3slrzet2iQrTp9n0bdJVYTB9YEWdTNjQfZOPV6o",
        **fields,
    }


def catalog_item(item_id: str, updated_at: str = "2024-03-01T10:00:00.000Z") -> dict:
    return {
        "type": "ITEM",
        "id": item_id,
        "updated_at": updated_at,
        "version": 1709287200000,
        "is_deleted": False,
        "present_at_all_locations": True,
        "item_data": {
            "name": "Cocoa",
            "description": "Hot chocolate",
            "variations": [
                {
                    "type": "ITEM_VARIATION",
                    "id": f"{item_id}-SMALL",
                    "updated_at": updated_at,
                    "version": 1709287200000,
                    "is_deleted": False,
                    "item_variation_data": {
                        "item_id": item_id,
                        "name": "Small",
                        "pricing_type": "FIXED_PRICING",
                        "price_money": {"amount": 250, "currency": "USD"},
                    },
                }
            ],
        },
    }


def page(key: str, objects: list[dict], cursor: str | None = None) -> dict:
    """A list answer; Square leaves `key` out of an empty page and `cursor` out of the last."""
    answer: dict = {key: objects} if objects else {}
    if cursor:
        answer["cursor"] = cursor
    return answer


def error(category: str, code: str, detail: str) -> dict:
    return {"errors": [{"category": category, "code": code, "detail": detail}]}


RATE_LIMITED = error("RATE_LIMIT_ERROR", "RATE_LIMITED", "Rate limited.")


def event(event_id: str, kind: str, square_object: dict | None, deleted: bool = False) -> dict:
    """An event of `kind` (`customer.updated`, ...) carrying the object under its type."""
    object_type = kind.split(".")[0]
    data: dict = {"type": object_type, "id": square_object["id"] if square_object else ""}
    if square_object is not None:
        data["object"] = {object_type: square_object}
    if deleted:
        data["deleted"] = True
    return {
        "merchant_id": MERCHANT,
        "type": kind,
        "event_id": event_id,
        "created_at": "2024-03-01T10:00:05.000Z",
        "data": data,
    }


CATALOG_UPDATED = {
    "merchant_id": MERCHANT,
    "type": "catalog.version.updated",
    "event_id": "8d7c2a3e-catalog-version",
    "created_at": "2024-03-01T10:00:05.000Z",
    "data": {
        "type": "catalog",
        "id": "",
        "object": {"catalog_version": {"updated_at": "2024-03-01T10:00:04.000Z"}},
    },
}


def signed(body: dict, key: str = SIGNATURE_KEY, url: str = WEBHOOK_URL):
    payload = json.dumps(body).encode()
    headers = {
        "content-type": "application/json",
        "x-square-hmacsha256-signature": sign_square(key, url, payload),
    }
    return payload, headers
