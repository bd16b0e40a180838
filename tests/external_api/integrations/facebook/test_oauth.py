"""Facebook Login: the dialog URL, the code exchanged (GET) then swapped for a long-lived
token, revoking with DELETE /me/permissions; an expired token (code 190) asks to reconnect."""

from urllib.parse import parse_qs, urlsplit

from shared.models.facebook_token import FacebookToken
from shared.models.integration_credential import ConnectionStatus
from tests.external_api.conftest import DASHBOARD, FACEBOOK_APP_ID
from tests.external_api.factories import BOX, create_connection
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.facebook import (
    APP_SECRET,
    DIALOG_URL,
    EXPIRED_TOKEN,
    GRAPH,
    PERMISSIONS_URL,
    TOKEN_URL,
    token_answer,
)

REDIRECT_URI = f"{DASHBOARD}/integrations/facebook/callback"


async def authorize_query(external, headers) -> dict[str, str]:
    response = await external.get("/v1/e/facebook/auth/start", headers=headers)
    url = urlsplit(response.json()["authorize_url"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == DIALOG_URL
    return {name: values[0] for name, values in parse_qs(url.query).items()}


async def test_start_answers_the_login_dialog_without_pkce(external, admin):
    query = await authorize_query(external, admin)

    assert query["client_id"] == FACEBOOK_APP_ID
    assert query["redirect_uri"] == REDIRECT_URI
    assert "leads_retrieval" in query["scope"].split()
    assert "code_challenge" not in query


async def test_the_code_is_exchanged_then_made_long_lived(external, admin, fake, account_id):
    fake.on(
        "GET",
        TOKEN_URL,
        json_answer(token_answer("short-lived", 3600)),
        json_answer(token_answer("long-lived")),
    )
    query = await authorize_query(external, admin)

    response = await external.post(
        "/v1/e/facebook/auth/complete",
        json={"state": query["state"], "code": "fb-code"},
        headers=admin,
    )

    assert response.json()["status"] == "connected"
    exchange, extend = fake.sent("GET", TOKEN_URL)
    assert query_of(exchange) == {
        "redirect_uri": REDIRECT_URI,
        "code": "fb-code",
        "client_id": FACEBOOK_APP_ID,
        "client_secret": APP_SECRET,
    }
    assert query_of(extend) == {
        "grant_type": "fb_exchange_token",
        "fb_exchange_token": "short-lived",
        "client_id": FACEBOOK_APP_ID,
        "client_secret": APP_SECRET,
    }
    stored = await FacebookToken.find_one()
    assert BOX.open(stored.access_token) == "long-lived"
    assert stored.refresh_token == ""


async def test_disconnect_deletes_the_apps_permissions(external, admin, fake, account_id):
    fake.on("DELETE", PERMISSIONS_URL, json_answer({"success": True}))
    await create_connection("facebook", account_id, access_token="EAAB-user", refresh_token="")

    response = await external.delete("/v1/e/facebook/auth", headers=admin)

    assert response.status_code == 204
    (sent,) = fake.requests
    assert sent.headers["authorization"] == "Bearer EAAB-user"
    assert await FacebookToken.find_all().count() == 0


async def test_an_expired_token_asks_to_reconnect(external, admin, fake, account_id):
    fake.on("GET", f"{GRAPH}/me/accounts", json_answer(EXPIRED_TOKEN, 400))
    credential = await create_connection("facebook", account_id, refresh_token="")

    response = await external.post("/v1/e/facebook/pages/sync", headers=admin)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "reconnect_needed"
    assert (await FacebookToken.get(credential.id)).status is ConnectionStatus.RECONNECT_NEEDED
    assert fake.sent("GET", TOKEN_URL) == []  # Facebook has no refresh token to try
