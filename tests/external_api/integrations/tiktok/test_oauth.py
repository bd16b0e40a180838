"""TikTok's advertiser authorization: the portal's auth URL with the app id, state and
redirect URI; the auth code exchanged with a JSON body for a long-term token and the advertiser
ids it reaches; a refused code; disconnect revokes the token. TikTok has no refresh token."""

from urllib.parse import parse_qs, urlsplit

from shared.models.tiktok_token import TiktokToken
from tests.external_api.conftest import DASHBOARD
from tests.external_api.factories import BOX, create_connection
from tests.external_api.fakes import json_answer, json_of
from tests.external_api.fakes.tiktok import (
    ADVERTISER_ID,
    APP_ID,
    AUTHORIZE_URL,
    REVOKE_URL,
    SECRET,
    TOKEN_URL,
    envelope,
    token_answer,
)

REDIRECT_URI = f"{DASHBOARD}/integrations/tiktok/callback"


async def authorize_query(external, headers) -> dict[str, str]:
    response = await external.get("/v1/e/tiktok/auth/start", headers=headers)
    url = urlsplit(response.json()["authorize_url"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == AUTHORIZE_URL
    return {name: values[0] for name, values in parse_qs(url.query).items()}


async def complete(external, admin, code: str = "auth-code-1") -> dict:
    query = await authorize_query(external, admin)
    response = await external.post(
        "/v1/e/tiktok/auth/complete", json={"state": query["state"], "code": code}, headers=admin
    )
    return response.json()


async def test_start_answers_the_portal_auth_page(external, admin):
    query = await authorize_query(external, admin)

    assert set(query) == {"app_id", "state", "redirect_uri"}
    assert (query["app_id"], query["redirect_uri"]) == (APP_ID, REDIRECT_URI)


async def test_the_auth_code_is_exchanged_for_a_long_term_token(external, admin, fake):
    fake.on("POST", TOKEN_URL, json_answer(token_answer("act.long-term")))

    outcome = await complete(external, admin, "auth-code-1")

    assert outcome["status"] == "connected"
    (sent,) = fake.sent("POST", TOKEN_URL)
    assert json_of(sent) == {"app_id": APP_ID, "secret": SECRET, "auth_code": "auth-code-1"}
    stored = await TiktokToken.find_one()
    assert BOX.open(stored.access_token) == "act.long-term"
    assert (stored.refresh_token, stored.expires_at) == ("", None)
    assert (stored.external_id, stored.options) == (
        ADVERTISER_ID,
        {"advertiser_ids": [ADVERTISER_ID]},
    )


async def test_a_refused_auth_code_stores_nothing(external, admin, fake):
    fake.on("POST", TOKEN_URL, json_answer(envelope(None, 40002, "auth_code is invalid")))

    outcome = await complete(external, admin)

    assert (outcome["status"], outcome["reason"]) == ("error", "code_refused")
    assert await TiktokToken.find_one() is None


async def test_disconnect_revokes_the_token(external, admin, fake, account_id):
    fake.on("POST", REVOKE_URL, json_answer(envelope({})))
    await create_connection("tiktok", account_id, "act.current", refresh_token="", expires_in=None)

    response = await external.delete("/v1/e/tiktok/auth", headers=admin)

    assert response.status_code == 204
    (sent,) = fake.sent("POST", REVOKE_URL)
    assert json_of(sent) == {"app_id": APP_ID, "secret": SECRET, "access_token": "act.current"}
    assert await TiktokToken.find_one() is None
