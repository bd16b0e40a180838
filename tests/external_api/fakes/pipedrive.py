"""Pipedrive's OAuth and persons API v1 as documented (developers.pipedrive.com/docs/api/v1):
token answers naming `api_domain`, person objects (emails and phones as `{value, primary}`
lists, times `YYYY-MM-DD HH:MM:SS` UTC), list pages with `additional_data.pagination`, and
webhook v1 bodies."""

import base64
import json

TOKEN_URL = "https://oauth.pipedrive.com/oauth/token"
API_DOMAIN = "https://acme.pipedrive.com"
PERSONS_URL = f"{API_DOMAIN}/v1/persons"
RECENTS_URL = f"{API_DOMAIN}/v1/recents"
WEBHOOKS_URL = f"{API_DOMAIN}/v1/webhooks"
CLIENT_ID = "b2f3a1c4d5e6f708"
CLIENT_SECRET = "pipedrive-client-secret"
WEBHOOK_USER = "platform"
WEBHOOK_PASSWORD = "pipedrive-webhook-password"


def token_answer(access_token: str = "v1u:AQIBAHj-pipedrive-access") -> dict:
    return {
        "access_token": access_token,
        "token_type": "Bearer",
        "refresh_token": "10001:20002:pipedrive-refresh",
        "scope": "base,contacts:full",
        "expires_in": 3599,
        "api_domain": API_DOMAIN,
    }


def person(
    person_id: int, first: str, last: str, email: str, updated: str = "2024-03-01 10:00:00"
) -> dict:
    return {
        "id": person_id,
        "company_id": 7001,
        "active_flag": True,
        "name": f"{first} {last}",
        "first_name": first,
        "last_name": last,
        "email": [{"label": "work", "value": email, "primary": True}],
        "phone": [{"label": "", "value": "", "primary": True}],
        "add_time": "2024-02-01 09:00:00",
        "update_time": updated,
    }


def page(people: list[dict], start: int, more: bool) -> dict:
    pagination = {"start": start, "limit": 100, "more_items_in_collection": more}
    if more:
        pagination["next_start"] = start + len(people)
    return {"success": True, "data": people, "additional_data": {"pagination": pagination}}


def webhook(person_id: int, action: str = "updated") -> dict:
    return {
        "v": 1,
        "matches_filters": {"current": []},
        "meta": {
            "v": 1,
            "action": action,
            "change_source": "app",
            "company_id": 7001,
            "host": "acme.pipedrive.com",
            "id": person_id,
            "is_bulk_update": False,
            "object": "person",
            "timestamp": 1709287200,
            "user_id": 9001,
            "webhook_id": "412",
        },
        "current": None,
        "previous": None,
        "event": f"{action}.person",
    }


def basic_auth(user: str = WEBHOOK_USER, password: str = WEBHOOK_PASSWORD) -> dict[str, str]:
    pair = base64.b64encode(f"{user}:{password}".encode()).decode()
    return {"authorization": f"Basic {pair}", "content-type": "application/json"}


def body_of(payload: dict) -> bytes:
    return json.dumps(payload).encode()


def webhook_made(subscription_url: str) -> dict:
    """`POST /v1/webhooks`'s answer."""
    return {
        "status": "ok",
        "success": True,
        "data": {
            "id": 412,
            "company_id": 7001,
            "owner_id": 9001,
            "user_id": 9001,
            "event_action": "*",
            "event_object": "person",
            "subscription_url": subscription_url,
            "version": "1.0",
            "is_active": 1,
            "add_time": "2024-03-01T10:00:00.000Z",
            "type": "general",
            "http_auth_user": "platform",
            "http_auth_password": "******",
        },
    }
