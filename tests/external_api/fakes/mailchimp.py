"""Mailchimp's OAuth and Marketing API 3.0 as documented (mailchimp.com/developer/marketing):
the token answer (a token that never expires, no refresh token), the metadata naming the data
centre, batch subscribe answers with their `errors`, webhook objects, campaign reports paged
by `count`/`offset` against `total_items`, problem-details errors, and the form-encoded
audience webhooks."""

from urllib.parse import urlencode

LOGIN = "https://login.mailchimp.com"
TOKEN_URL = f"{LOGIN}/oauth2/token"
METADATA_URL = f"{LOGIN}/oauth2/metadata"
AUTHORIZE_URL = f"{LOGIN}/oauth2/authorize"
CLIENT_ID = "366451289723"
CLIENT_SECRET = "b2a3c8e0f6d94f5c8a3e2b1d0c9f8e7a6b5d4c3e2f1a0b9c8d"
WEBHOOK_KEY = "mailchimp-webhook-key"
DC = "us19"
API_ENDPOINT = f"https://{DC}.api.mailchimp.com"
API = f"{API_ENDPOINT}/3.0"
LIST_ID = "a6b5da1054"
LIST_URL = f"{API}/lists/{LIST_ID}"
WEBHOOKS_URL = f"{LIST_URL}/webhooks"
REPORTS_URL = f"{API}/reports"
ACCESS_TOKEN = "5c6ccc561059aa386da9d112215bae55-us19"


def token_answer(access_token: str = ACCESS_TOKEN) -> dict:
    return {"access_token": access_token, "expires_in": 0, "scope": None}


METADATA = {
    "dc": DC,
    "role": "owner",
    "accountname": "Acme Bakery",
    "user_id": 48114817,
    "login": {
        "email": "owner@acme.test",
        "avatar": None,
        "login_id": 48114817,
        "login_name": "acmebakery",
        "login_email": "owner@acme.test",
    },
    "login_url": LOGIN,
    "api_endpoint": API_ENDPOINT,
}


def member_url(subscriber_hash: str) -> str:
    return f"{LIST_URL}/members/{subscriber_hash}"


def batch_answer(created: list[str], errors: list[tuple[str, str]] = ()) -> dict:
    """`errors`: (address, Mailchimp's error code)."""
    return {
        "new_members": [
            {
                "id": "852aaa9532cb36adfb5e9fef7a4206a9",
                "email_address": email,
                "status": "subscribed",
            }
            for email in created
        ],
        "updated_members": [],
        "errors": [
            {
                "email_address": email,
                "error": f"{email} is already a list member" if code else "Invalid Resource",
                "error_code": code,
                "field": "",
                "field_message": "",
            }
            for email, code in errors
        ],
        "total_created": len(created),
        "total_updated": 0,
        "error_count": len(errors),
    }


WEBHOOK = {
    "id": "a8f5f167f4",
    "url": "https://api.agency.test/v1/e/mailchimp/webhooks/x/y",
    "events": {"unsubscribe": True, "cleaned": True},
    "sources": {"user": True, "admin": True, "api": False},
    "list_id": LIST_ID,
}


def report(campaign_id: str, send_time: str, **overrides) -> dict:
    return {
        "id": campaign_id,
        "campaign_title": f"Newsletter {campaign_id}",
        "type": "regular",
        "list_id": LIST_ID,
        "emails_sent": 200,
        "abuse_reports": 0,
        "unsubscribed": 3,
        "send_time": send_time,
        "bounces": {"hard_bounces": 2, "soft_bounces": 1, "syntax_errors": 0},
        "opens": {"opens_total": 150, "unique_opens": 90, "open_rate": 0.45},
        "clicks": {"clicks_total": 40, "unique_clicks": 25, "click_rate": 0.125},
        **overrides,
    }


def reports_page(reports: list[dict], total_items: int) -> dict:
    return {"reports": reports, "total_items": total_items}


def problem(status: int, title: str, detail: str) -> dict:
    return {
        "type": "https://mailchimp.com/developer/marketing/docs/errors/",
        "title": title,
        "status": status,
        "detail": detail,
        "instance": "995c5cb0-3280-4a6e-808b-3b096d0bb219",
    }


def webhook_form(kind: str, email: str, list_id: str = LIST_ID) -> str:
    """An audience webhook's body, as Mailchimp posts it."""
    return urlencode(
        {
            "type": kind,
            "fired_at": "2024-03-26 21:40:57",
            "data[action]": "unsub",
            "data[reason]": "manual",
            "data[id]": "8a25ff1d98",
            "data[list_id]": list_id,
            "data[email]": email,
            "data[email_type]": "html",
            "data[merges][EMAIL]": email,
            "data[merges][FNAME]": "Ada",
            "data[ip_opt]": "10.20.10.30",
            "data[campaign_id]": "cb398d21d2",
        }
    )
