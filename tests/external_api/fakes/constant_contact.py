"""Constant Contact's OAuth and v3 API as documented (developer.constantcontact.com): token
answers (a day's access token, a refresh token replaced at each refresh), the email campaigns
summary report (most recent first, unique counts as strings, `_links.next.href`), contacts
(looked up by `email`, listed by `status` and `updated_after`, paged by `_links.next.href`),
the bulk activities adding contacts to lists and removing their memberships (201 with the
activity), and its error bodies (a list of `{error_key, error_message}`)."""

import httpx

API = "https://api.cc.email"
AUTHZ = "https://authz.constantcontact.com/oauth2/default/v1"
AUTHORIZE_URL = f"{AUTHZ}/authorize"
TOKEN_URL = f"{AUTHZ}/token"
SUMMARIES_URL = f"{API}/v3/reports/summary_reports/email_campaign_summaries"
CONTACTS_URL = f"{API}/v3/contacts"
ADD_TO_LISTS_URL = f"{API}/v3/activities/add_contacts_to_lists"
REMOVE_FROM_LISTS_URL = f"{API}/v3/activities/remove_list_memberships"
LIST_ID = "04fe9a97-a579-43c5-bb1a-58ed29bf0a6a"
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


def contact_url(contact_id: str) -> str:
    return f"{CONTACTS_URL}/{contact_id}"


def contact(
    contact_id: str,
    address: str,
    permission: str = "implicit",
    first_name: str = "Ada",
    last_name: str = "Lovelace",
) -> dict:
    """A contact as `GET /v3/contacts?include=list_memberships` answers it."""
    return {
        "contact_id": contact_id,
        "email_address": {
            "address": address,
            "permission_to_send": permission,
            "created_at": "2024-01-10T15:02:11Z",
            "updated_at": "2024-03-01T09:30:00Z",
            "opt_in_source": "Account",
            "opt_in_date": "2024-01-10T15:02:11Z",
            "confirm_status": "off",
        },
        "first_name": first_name,
        "last_name": last_name,
        "job_title": "Analyst",
        "create_source": "Account",
        "update_source": "Account",
        "created_at": "2024-01-10T15:02:11Z",
        "updated_at": "2024-03-01T09:30:00Z",
        "list_memberships": ["07936f78-662a-11eb-af0a-fa163e56c9b0"],
    }


def contacts_page(contacts: list[dict], next_cursor: str | None = None) -> dict:
    page: dict = {"contacts": contacts, "contacts_count": len(contacts)}
    if next_cursor:
        page["_links"] = {"next": {"href": f"/v3/contacts?cursor={next_cursor}"}}
    return page


def directory(*contacts: dict):
    """`GET /v3/contacts?email=`: the contact holding the address, or none."""

    def answer(request: httpx.Request) -> httpx.Response:
        email = request.url.params.get("email")
        found = [one for one in contacts if one["email_address"]["address"] == email]
        return httpx.Response(200, json=contacts_page(found))

    return answer


def activity(kind: str) -> dict:
    return {
        "activity_id": "a8f9b2c6-3d4e-11ee-be56-0242ac120002",
        "state": "initialized",
        "created_at": "2024-03-02T11:08:00Z",
        "updated_at": "2024-03-02T11:08:00Z",
        "percent_done": 0,
        "activity_errors": [],
        "_links": {"self": {"href": f"/v3/activities/{kind}"}},
    }
