"""Constant Contact's OAuth and v3 API as documented (developer.constantcontact.com): token
answers (a day's access token, a refresh token replaced at each refresh), the email campaigns
summary report (most recent first, unique counts as strings, `_links.next.href`), and its
error bodies (a list of `{error_key, error_message}`)."""

API = "https://api.cc.email"
AUTHZ = "https://authz.constantcontact.com/oauth2/default/v1"
AUTHORIZE_URL = f"{AUTHZ}/authorize"
TOKEN_URL = f"{AUTHZ}/token"
SUMMARIES_URL = f"{API}/v3/reports/summary_reports/email_campaign_summaries"
CLIENT_ID = "0c1d6a8e-5f2b-4c7a-9e3d-2b1a0f9e8d7c"
CLIENT_SECRET = "cc-client-secret"


def token_answer(access_token: str, refresh_token: str = "Zsmb1xo-cc-refresh") -> dict:
    return {
        "token_type": "Bearer",
        "expires_in": 86400,
        "access_token": access_token,
        "scope": "contact_data campaign_data offline_access",
        "refresh_token": refresh_token,
    }


def summary(campaign_id: str, last_sent_date: str) -> dict:
    return {
        "campaign_id": campaign_id,
        "campaign_type": "Newsletter",
        "last_sent_date": last_sent_date,
        "unique_counts": {
            "sends": "3129",
            "opens": "1672",
            "clicks": "256",
            "forwards": "21",
            "optouts": "3",
            "abuse": "1",
            "bounces": "210",
            "not_opened": "1211",
        },
    }


def summaries_page(summaries: list[dict], next_token: str | None = None) -> dict:
    page: dict = {
        "bulk_email_campaign_summaries": summaries,
        "aggregate_percents": {"click": "43.0", "open": "12.0", "bounce": "21.0"},
    }
    if next_token:
        href = f"/v3/reports/summary_reports/email_campaign_summaries?limit=50&next={next_token}"
        page["_links"] = {"next": {"href": href}}
    return page


TOO_MANY = [{"error_key": "throttled", "error_message": "Too many requests"}]
