"""ActiveCampaign as documented (developers.activecampaign.com/reference): the account's own
API URL, v3 contacts with `meta.total`, the user behind a key, webhooks made and sent
(form-encoded, unsigned), and a 429."""

from urllib.parse import urlencode

API_URL = "https://agency.api-us1.com"
CONTACTS_URL = f"{API_URL}/api/3/contacts"
USERS_ME_URL = f"{API_URL}/api/3/users/me"
WEBHOOKS_URL = f"{API_URL}/api/3/webhooks"

API_KEY = "a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4e5f6"
WEBHOOK_KEY = "activecampaign-webhook-key"

USER = {
    "user": {
        "username": "admin",
        "firstName": "Ada",
        "lastName": "Lovelace",
        "email": "ada@agency.test",
        "id": "1",
    }
}


def contact(contact_id: str, first: str, udate: str = "2026-05-02T11:17:33-05:00") -> dict:
    return {
        "cdate": "2026-04-01T08:00:00-05:00",
        "email": f"{first.lower()}@example.com",
        "phone": "+1 650 253 0000",
        "firstName": first,
        "lastName": "Hopper",
        "id": contact_id,
        "udate": udate,
        "links": {"fieldValues": f"{CONTACTS_URL}/{contact_id}/fieldValues"},
    }


def page(*contacts: dict, total: int | None = None) -> dict:
    count = len(contacts) if total is None else total
    return {"scoreValues": [], "contacts": list(contacts), "meta": {"total": str(count)}}


def webhook_form(kind: str, contact_id: str) -> bytes:
    return urlencode(
        {
            "type": kind,
            "date_time": "2026-05-02T11:17:33-05:00",
            "initiated_from": "admin",
            "initiated_by": "admin",
            "list": "0",
            "contact[id]": contact_id,
            "contact[email]": "ada@example.com",
            "contact[first_name]": "Ada",
        }
    ).encode()


TOO_MANY = {"message": "Too Many Requests"}
