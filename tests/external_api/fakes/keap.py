"""Keap as documented (developer.keap.com/docs/rest): token answers (the scope naming the
app), v1 contacts with their email, phone and custom field lists, list pages with `next`,
REST hook answers and events, and the throttle's 429 with its quota headers."""

API = "https://api.infusionsoft.com/crm/rest"
TOKEN_URL = "https://api.infusionsoft.com/token"
CONTACTS_URL = f"{API}/v1/contacts"
HOOKS_URL = f"{API}/v1/hooks"

CLIENT_ID = "keap-client-id"
CLIENT_SECRET = "keap-client-secret"
WEBHOOK_KEY = "keap-webhook-key"
APP = "ab123.infusionsoft.com"

REFRESHED = {
    "access_token": "keap-refreshed-access",
    "token_type": "bearer",
    "expires_in": 86400,
    "refresh_token": "keap-new-refresh",
    "scope": f"full|{APP}",
}


def contact(contact_id: int, given: str, updated: str = "2026-05-02T11:17:33.000+0000") -> dict:
    return {
        "id": contact_id,
        "given_name": given,
        "family_name": "Hopper",
        "email_addresses": [{"email": f"{given.lower()}@example.com", "field": "EMAIL1"}],
        "phone_numbers": [{"number": "+1 650 253 0000", "field": "PHONE1", "type": "Work"}],
        "custom_fields": [{"id": 6, "content": "Gold"}],
        "website": "https://example.com",
        "date_created": "2026-04-01T08:00:00.000+0000",
        "last_updated": updated,
    }


def page(*contacts: dict, offset: int = 0, limit: int = 200) -> dict:
    """Keap gives `next` on every page, the last one included."""
    query = f"limit={limit}&offset={offset + limit}&order=last_updated&order_direction=ASCENDING"
    return {
        "contacts": list(contacts),
        "count": len(contacts),
        "next": f"{CONTACTS_URL}/?{query}",
        "previous": f"{CONTACTS_URL}/?limit={limit}&offset={max(0, offset - limit)}",
    }


def hook(key: int, event: str, url: str) -> dict:
    return {"key": str(key), "eventKey": event, "hookUrl": url, "status": "Verified"}


def event(event_key: str, *contact_ids: int) -> dict:
    return {
        "event_key": event_key,
        "object_type": "contact",
        "object_keys": [
            {"apiUrl": f"{CONTACTS_URL}/{cid}", "id": cid, "timestamp": "2026-05-02T11:17:33Z"}
            for cid in contact_ids
        ],
        "api_url": "",
    }


THROTTLED_HEADERS = {
    "retry-after": "15",
    "x-keap-product-throttle-limit": "1500",
    "x-keap-product-throttle-available": "0",
    "x-keap-product-quota-limit": "150000",
    "x-keap-product-quota-available": "98240",
    "x-keap-product-quota-time-unit": "Day",
}
THROTTLED = {"message": "Too Many Requests"}
