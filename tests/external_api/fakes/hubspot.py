"""HubSpot's OAuth and CRM v3 contacts API as documented (developers.hubspot.com/docs/api):
token answers, the access-token info, contact objects, list and search pages (`paging.next.
after`), and v3-signed webhook batches, signed with HubSpot's own library."""

import json
import time

from hubspot.utils.signature import Signature

API = "https://api.hubapi.com"
TOKEN_URL = f"{API}/oauth/v1/token"
CONTACTS_URL = f"{API}/crm/v3/objects/contacts"
SEARCH_URL = f"{CONTACTS_URL}/search"
CLIENT_ID = "5fd8c7b2-hubspot-client"
CLIENT_SECRET = "b7f8f2a1-hubspot-secret"
PORTAL = 62515
WEBHOOK_URL = "https://api.agency.test/v1/e/hubspot/webhooks/contacts"


def token_answer(
    access_token: str = "CJSP5qf1KhICAQEYs-gDIIGOBii1hQIyGQAf3xBKmlwHjX7OIpuIFEavB2-qYAGQsF4",
) -> dict:
    return {
        "token_type": "bearer",
        "refresh_token": "6f18f21e-a743-4509-b7fd-1a5e632fffa1",
        "access_token": access_token,
        "expires_in": 1800,
    }


def contact(contact_id: str, modified: str = "2024-03-01T10:00:00.000Z", **properties) -> dict:
    return {
        "id": contact_id,
        "properties": {
            "createdate": "2024-02-01T09:00:00.000Z",
            "hs_object_id": contact_id,
            "lastmodifieddate": modified,
            **properties,
        },
        "createdAt": "2024-02-01T09:00:00.000Z",
        "updatedAt": modified,
        "archived": False,
    }


def page(contacts: list[dict], after: str | None = None) -> dict:
    answer: dict = {"results": contacts}
    if after:
        answer["paging"] = {"next": {"after": after, "link": f"{CONTACTS_URL}?after={after}"}}
    return answer


def event(event_id: int, object_id: int, kind: str = "contact.propertyChange") -> dict:
    return {
        "eventId": event_id,
        "subscriptionId": 2173,
        "portalId": PORTAL,
        "appId": 1160452,
        "occurredAt": 1709287200000,
        "subscriptionType": kind,
        "attemptNumber": 0,
        "objectId": object_id,
        "propertyName": "firstname",
        "propertyValue": "Augusta",
        "changeSource": "CRM",
    }


def signed(events: list[dict], secret: str = CLIENT_SECRET, at_ms: int | None = None):
    """The body and headers HubSpot sends, signed v3 by `hubspot-api-client`'s Signature."""
    body = json.dumps(events)
    timestamp = str(at_ms if at_ms is not None else int(time.time() * 1000))
    signature = Signature.get_signature(secret, body, "v3", WEBHOOK_URL, "POST", timestamp)
    headers = {
        "content-type": "application/json",
        "x-hubspot-signature-v3": signature,
        "x-hubspot-request-timestamp": timestamp,
    }
    return body.encode(), headers
