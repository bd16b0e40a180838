"""Zoho CRM as documented (zoho.com/crm/developer/docs/api/v6): the accounts server's token
answers (a refresh answers no refresh token), `Contacts` records with `info` paging, write
answers with each record's own status, the error body (`code`, `details`, `message`,
`status`), and notifications echoing the channel's token."""

from typing import Any

ACCOUNTS = "https://accounts.zoho.com"
TOKEN_URL = f"{ACCOUNTS}/oauth/v2/token"
API_DOMAIN = "https://www.zohoapis.eu"  # the org's data centre, not the default one
CONTACTS_URL = f"{API_DOMAIN}/crm/v6/Contacts"
WATCH_URL = f"{API_DOMAIN}/crm/v6/actions/watch"

CLIENT_ID = "1000.2DJ8UXQ0W6V5MBCDI4QH1ZT8H3Q6HY"
CLIENT_SECRET = "8ad2c6e2b1c34e2ba3f2ac4d3e37ae17b2c1a89d5c"
WEBHOOK_KEY = "zoho-webhook-key"

REFRESHED = {
    "access_token": "1000.refreshed.access",
    "api_domain": API_DOMAIN,
    "token_type": "Bearer",
    "expires_in": 3600,
}


def contact(record_id: str, first: str, modified: str = "2026-05-02T11:17:33+05:30") -> dict:
    return {
        "id": record_id,
        "First_Name": first,
        "Last_Name": "Lovelace",
        "Email": f"{first.lower()}@example.com",
        "Phone": "+44 20 7946 0000",
        "Modified_Time": modified,
    }


def page(*rows: dict, page_number: int = 1, more: bool = False) -> dict:
    return {
        "data": list(rows),
        "info": {
            "per_page": 200,
            "count": len(rows),
            "page": page_number,
            "sort_by": "Modified_Time",
            "sort_order": "asc",
            "more_records": more,
        },
    }


def written(record_id: str, modified: str = "2026-05-03T09:00:00+05:30") -> dict:
    return {
        "data": [
            {
                "code": "SUCCESS",
                "details": {
                    "Modified_Time": modified,
                    "Modified_By": {"name": "Patricia Boyle", "id": "554023000000235011"},
                    "Created_Time": "2026-05-02T11:17:33+05:30",
                    "id": record_id,
                },
                "message": "record updated",
                "status": "success",
            }
        ]
    }


def error(code: str, message: str) -> dict[str, Any]:
    return {"code": code, "details": {}, "message": message, "status": "error"}


TOO_MANY = error("TOO_MANY_REQUESTS", "The API request limit has been exceeded")


def notification(token: str, ids: list[str], operation: str = "update") -> dict:
    return {
        "server_time": 1780392000000,
        "query_params": {},
        "module": "Contacts",
        "resource_uri": f"{API_DOMAIN}/crm/v6/Contacts",
        "ids": ids,
        "affected_fields": [{"3652397000000436031": ["First_Name"]}],
        "operation": operation,
        "channel_id": "1000000068001",
        "token": token,
    }


WATCHED = {
    "watch": [
        {
            "code": "SUCCESS",
            "details": {"events": [{"resource_name": "Contacts", "channel_id": "1000000068001"}]},
            "message": "Successfully subscribed for actions-watch of the given module",
            "status": "success",
        }
    ]
}
