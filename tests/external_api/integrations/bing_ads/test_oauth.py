"""Microsoft identity platform OAuth for Microsoft Advertising: the consent URL with the
Advertising scope, offline access and PKCE; the code exchanged; an expired token refreshed
with the scopes named again before the report call; no revocation endpoint to call."""

from urllib.parse import parse_qs, urlsplit

from shared.models.bing_ads_token import BingAdsToken
from tests.external_api.conftest import DASHBOARD
from tests.external_api.factories import BOX, create_connection, expire
from tests.external_api.fakes import form_of, json_answer
from tests.external_api.fakes.bing_ads import (
    AUTHORIZE_URL,
    CLIENT_ID,
    CLIENT_SECRET,
    POLL_URL,
    SUBMIT_URL,
    SUBMITTED,
    TOKEN_URL,
    poll_answer,
    token_answer,
)
from tests.external_api.integrations.bing_ads.test_reports import REPORT, REPORTS

REDIRECT_URI = f"{DASHBOARD}/integrations/bing-ads/callback"
SCOPE = "https://ads.microsoft.com/msads.manage offline_access"


async def authorize_query(external, headers) -> dict[str, str]:
    response = await external.get("/v1/e/bing-ads/auth/start", headers=headers)
    url = urlsplit(response.json()["authorize_url"])
    assert f"{url.scheme}://{url.netloc}{url.path}" == AUTHORIZE_URL
    return {name: values[0] for name, values in parse_qs(url.query).items()}


async def test_start_asks_the_advertising_scope_offline_with_pkce(external, admin):
    query = await authorize_query(external, admin)

    assert query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == REDIRECT_URI
    assert query["scope"] == SCOPE
    assert query["code_challenge_method"] == "S256"


async def test_the_code_is_exchanged_and_the_tokens_stored(external, admin, fake):
    fake.on("POST", TOKEN_URL, json_answer(token_answer("EwB-first", "M.C5-first")))
    query = await authorize_query(external, admin)

    response = await external.post(
        "/v1/e/bing-ads/auth/complete",
        json={"state": query["state"], "code": "M.C5_BAY.2.U.code"},
        headers=admin,
    )

    assert response.json()["status"] == "connected"
    form = form_of(fake.sent("POST", TOKEN_URL)[0])
    assert (form["grant_type"], form["code"]) == ("authorization_code", "M.C5_BAY.2.U.code")
    assert (form["client_id"], form["client_secret"]) == (CLIENT_ID, CLIENT_SECRET)
    assert form["code_verifier"]
    stored = await BingAdsToken.find_one()
    assert BOX.open(stored.refresh_token) == "M.C5-first"


async def test_an_expired_token_is_refreshed_naming_the_scopes(external, member, fake, account_id):
    fake.on("POST", TOKEN_URL, json_answer(token_answer("EwB-fresh", "M.C5-rotated")))
    fake.on("POST", SUBMIT_URL, json_answer(SUBMITTED))
    fake.on("POST", POLL_URL, json_answer(poll_answer("Success", None)))
    credential = await create_connection("bing-ads", account_id, refresh_token="M.C5-old")
    await expire(credential)

    await external.post(REPORTS, headers=member, json=REPORT)

    assert form_of(fake.sent("POST", TOKEN_URL)[0]) == {
        "grant_type": "refresh_token",
        "refresh_token": "M.C5-old",
        "scope": SCOPE,
        "client_id": CLIENT_ID,
        "client_secret": CLIENT_SECRET,
    }
    assert fake.sent("POST", SUBMIT_URL)[0].headers["authorization"] == "Bearer EwB-fresh"
    stored = await BingAdsToken.find_one()
    assert BOX.open(stored.refresh_token) == "M.C5-rotated"


async def test_disconnect_forgets_the_tokens_without_calling_microsoft(
    external, admin, fake, account_id
):
    await create_connection("bing-ads", account_id)

    response = await external.delete("/v1/e/bing-ads/auth", headers=admin)

    assert response.status_code == 204
    assert await BingAdsToken.find_one() is None
    assert fake.requests == []


async def test_an_expired_token_error_refreshes_the_token_once_and_retries(
    external, member, fake, account_id
):
    expired = {
        "TrackingId": "a3c4b5d6-0000-1111-2222-333344445555",
        "Type": "AdApiFaultDetail",
        "Errors": [
            {
                "Code": 109,
                "Detail": None,
                "ErrorCode": "AuthenticationTokenExpired",
                "Message": "The OAuth access token has expired.",
            }
        ],
    }
    fake.on("POST", TOKEN_URL, json_answer(token_answer("EwB-fresh")))
    fake.on("POST", SUBMIT_URL, json_answer(expired, 400), json_answer(SUBMITTED))
    fake.on("POST", POLL_URL, json_answer(poll_answer("Success", None)))
    await create_connection("bing-ads", account_id, access_token="EwB-stale")

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert response.status_code == 201
    first, again = fake.sent("POST", SUBMIT_URL)
    assert (first.headers["authorization"], again.headers["authorization"]) == (
        "Bearer EwB-stale",
        "Bearer EwB-fresh",
    )
