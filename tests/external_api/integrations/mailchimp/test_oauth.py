"""Mailchimp's OAuth: the consent page without PKCE, the code exchanged with the client in
the form, the data centre read from the metadata endpoint; a token that never expires has no
refresh, so a refusal asks to connect again."""

from urllib.parse import parse_qs, urlsplit

from shared.models.email_list_sync import MailchimpToken
from shared.models.integration_credential import ConnectionStatus
from tests.external_api.conftest import DASHBOARD
from tests.external_api.factories import BOX
from tests.external_api.fakes import form_of, json_answer
from tests.external_api.fakes.mailchimp import (
    ACCESS_TOKEN,
    API_ENDPOINT,
    AUTHORIZE_URL,
    CLIENT_ID,
    CLIENT_SECRET,
    METADATA,
    METADATA_URL,
    REPORTS_URL,
    TOKEN_URL,
    problem,
    token_answer,
)
from tests.external_api.integrations.mailchimp.conftest import connect
from tests.external_api.integrations.reports.test_sync import from_service

REDIRECT_URI = f"{DASHBOARD}/integrations/mailchimp/callback"


async def authorize_query(crm_api, headers) -> dict[str, str]:
    response = await crm_api.get("/v1/e/mailchimp/auth/start", headers=headers)
    url = urlsplit(response.json()["authorize_url"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == AUTHORIZE_URL
    return {name: values[0] for name, values in parse_qs(url.query).items()}


async def test_start_answers_mailchimps_consent_page_without_pkce(crm_api, admin):
    query = await authorize_query(crm_api, admin)

    assert query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == REDIRECT_URI
    assert query["response_type"] == "code"
    assert "code_challenge" not in query


async def test_the_code_is_exchanged_and_the_data_centre_kept(crm_api, admin, fake):
    fake.on("POST", TOKEN_URL, json_answer(token_answer()))
    fake.on("GET", METADATA_URL, json_answer(METADATA))
    query = await authorize_query(crm_api, admin)

    response = await crm_api.post(
        "/v1/e/mailchimp/auth/complete",
        json={"state": query["state"], "code": "1edd4c2ad5a1b9b5"},
        headers=admin,
    )

    assert response.json()["status"] == "connected"
    [exchange] = fake.sent("POST", TOKEN_URL)
    assert form_of(exchange) == {
        "grant_type": "authorization_code",
        "code": "1edd4c2ad5a1b9b5",
        "redirect_uri": REDIRECT_URI,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    [metadata] = fake.sent("GET", METADATA_URL)
    assert metadata.headers["authorization"] == f"OAuth {ACCESS_TOKEN}"
    stored = await MailchimpToken.find_one()
    assert BOX.open(stored.access_token) == ACCESS_TOKEN
    assert (stored.expires_at, stored.refresh_token) == (None, "")
    assert stored.options == {"dc": "us19", "api_endpoint": API_ENDPOINT}
    assert stored.label == "Acme Bakery"


async def test_a_refused_token_asks_to_connect_again_without_a_refresh(
    crm_api, admin, fake, account_id
):
    fake.on("GET", REPORTS_URL, json_answer(problem(401, "API Key Invalid", "Invalid token"), 401))
    await connect(account_id)

    response = await crm_api.post(
        "/v1/e/analytics/sync",
        json={
            "account_id": account_id,
            "source": "mailchimp",
            "start_date": "2024-03-01",
            "end_date": "2024-03-02",
        },
        headers=from_service("queue_manager"),
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "reconnect_needed"
    assert fake.sent("POST", TOKEN_URL) == []
    stored = await MailchimpToken.find_one()
    assert stored.status is ConnectionStatus.RECONNECT_NEEDED
