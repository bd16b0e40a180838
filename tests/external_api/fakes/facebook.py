"""The Graph API (v19.0) and Facebook Login as documented: token answers, /me/accounts,
insights, leadgen webhooks and lead retrieval."""

import hashlib
import hmac
import json

GRAPH = "https://graph.facebook.com/v19.0"
DIALOG_URL = "https://www.facebook.com/v19.0/dialog/oauth"
TOKEN_URL = f"{GRAPH}/oauth/access_token"
PERMISSIONS_URL = f"{GRAPH}/me/permissions"
APP_SECRET = "fb-app-secret"
VERIFY_TOKEN = "fb-verify-token"


def token_answer(access_token: str, expires_in: int = 5183944) -> dict:
    return {"access_token": access_token, "token_type": "bearer", "expires_in": expires_in}


EXPIRED_TOKEN = {
    "error": {
        "message": "Error validating access token: Session has expired.",
        "type": "OAuthException",
        "code": 190,
        "error_subcode": 463,
        "fbtrace_id": "AbCdEf",
    }
}


def accounts_answer(*pages: tuple[str, str], after: str | None = None) -> dict:
    answer = {
        "data": [
            {
                "access_token": f"page-token-{page_id}",
                "category": "Bakery",
                "category_list": [{"id": "1", "name": "Bakery"}],
                "name": name,
                "id": page_id,
                "tasks": ["ANALYZE", "ADVERTISE", "MODERATE", "CREATE_CONTENT", "MANAGE"],
            }
            for page_id, name in pages
        ],
        "paging": {"cursors": {"before": "b", "after": after or "end"}},
    }
    if after:
        answer["paging"]["next"] = f"{GRAPH}/me/accounts?after={after}"
    return answer


INSIGHTS_ANSWER = {
    "data": [
        {
            "impressions": "1500",
            "clicks": "45",
            "spend": "12.34",
            "date_start": "2024-03-01",
            "date_stop": "2024-03-01",
        },
        {
            "impressions": "900",
            "clicks": "20",
            "spend": "7.5",
            "date_start": "2024-03-02",
            "date_stop": "2024-03-02",
        },
    ],
    "paging": {"cursors": {"before": "MAZDZD", "after": "MQZDZD"}},
}


def leadgen_body(*leads: tuple[str, str]) -> bytes:
    """A webhook body for (page id, leadgen id) pairs, as Facebook posts it."""
    entries = [
        {
            "id": page_id,
            "time": 1709280000,
            "changes": [
                {
                    "field": "leadgen",
                    "value": {
                        "ad_id": "444",
                        "form_id": "555",
                        "leadgen_id": leadgen_id,
                        "created_time": 1709280000,
                        "page_id": page_id,
                        "adgroup_id": "666",
                    },
                }
            ],
        }
        for page_id, leadgen_id in leads
    ]
    return json.dumps({"object": "page", "entry": entries}).encode()


def signature(body: bytes, secret: str = APP_SECRET) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def lead_answer(leadgen_id: str, email: str = "Joe@Example.com", phone: str = "+1 415 555 0100"):
    return {
        "created_time": "2024-03-01T08:00:00+0000",
        "id": leadgen_id,
        "ad_id": "444",
        "form_id": "555",
        "campaign_id": "333",
        "field_data": [
            {"name": "full_name", "values": ["Joe Example"]},
            {"name": "email", "values": [email]},
            {"name": "phone_number", "values": [phone]},
        ],
    }


def ratings_answer(*ratings: tuple[str, str, str]) -> dict:
    """`GET /{page-id}/ratings`: (open graph story id, recommendation_type, review_text)."""
    return {
        "data": [
            {
                "created_time": "2024-03-01T10:00:00+0000",
                "recommendation_type": kind,
                "review_text": text,
                "reviewer": {"name": "Sam Reviewer", "id": "1"},
                "open_graph_story": {"id": story},
            }
            for story, kind, text in ratings
        ],
        "paging": {"cursors": {"before": "b", "after": "a"}},
    }
