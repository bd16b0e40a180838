"""Constant Contact's OAuth: the consent page with PKCE and `offline_access`, the code
exchanged with the client in HTTP basic auth, and an expired token refreshed the same way
before a call, the new refresh token kept."""

import base64
from urllib.parse import parse_qs, urlsplit

from shared.models.email_list_sync import ConstantContactToken
from tests.external_api.conftest import DASHBOARD
from tests.external_api.factories import BOX, create_connection, expire
from tests.external_api.fakes import form_of, json_answer
from tests.external_api.fakes.constant_contact import (
    AUTHORIZE_URL,
    CLIENT_ID,
    CLIENT_SECRET,
    SUMMARIES_URL,
    TOKEN_URL,
    summaries_page,
    token_answer,
)
from tests.external_api.integrations.reports.test_sync import from_service

REDIRECT_URI = f"{DASHBOARD}/integrations/constant-contact/callback"
BASIC = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()


async def authorize_query(crm_api, headers) -> dict[str, str]:
    response = await crm_api.get("/v1/e/constant-contact/auth/start", headers=headers)
    url = urlsplit(response.json()["authorize_url"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == AUTHORIZE_URL
    return {name: values[0] for name, values in parse_qs(url.query).items()}


async def test_start_asks_for_offline_access_with_pkce(crm_api, admin):
    query = await authorize_query(crm_api, admin)

    assert query["client_id"] == CLIENT_ID
    assert query["scope"].split() == ["contact_data", "campaign_data", "offline_access"]
    assert query["code_challenge_method"] == "S256"


async def test_the_code_is_exchanged_with_the_client_in_basic_auth(crm_api, admin, fake):
    fake.on("POST", TOKEN_URL, json_answer(token_answer("cc-access-1")))
    query = await authorize_query(crm_api, admin)

    response = await crm_api.post(
        "/v1/e/constant-contact/auth/complete",
        json={"state": query["state"], "code": "cc-code"},
        headers=admin,
    )

    assert response.json()["status"] == "connected"
    [exchange] = fake.sent("POST", TOKEN_URL)
    assert exchange.headers["authorization"] == BASIC
    form = form_of(exchange)
    assert (form["grant_type"], form["code"], form["redirect_uri"]) == (
        "authorization_code",
        "cc-code",
        REDIRECT_URI,
    )
    assert "client_secret" not in form
    assert form["code_verifier"]
    stored = await ConstantContactToken.find_one()
    assert BOX.open(stored.access_token) == "cc-access-1"


async def test_an_expired_token_is_refreshed_and_the_new_refresh_token_kept(
    crm_api, fake, account_id
):
    credential = await create_connection(
        "constant-contact", account_id, "cc-old", refresh_token="cc-refresh-1"
    )
    await expire(credential)
    fake.on("POST", TOKEN_URL, json_answer(token_answer("cc-new", "cc-refresh-2")))
    fake.on("GET", SUMMARIES_URL, json_answer(summaries_page([])))

    await crm_api.post(
        "/v1/e/analytics/sync",
        json={
            "account_id": account_id,
            "source": "constant-contact",
            "start_date": "2024-03-01",
            "end_date": "2024-03-02",
        },
        headers=from_service("queue_manager"),
    )

    [refresh] = fake.sent("POST", TOKEN_URL)
    assert refresh.headers["authorization"] == BASIC
    assert form_of(refresh) == {"grant_type": "refresh_token", "refresh_token": "cc-refresh-1"}
    [call] = fake.sent("GET", SUMMARIES_URL)
    assert call.headers["authorization"] == "Bearer cc-new"
    stored = await ConstantContactToken.find_one()
    assert BOX.open(stored.refresh_token) == "cc-refresh-2"
