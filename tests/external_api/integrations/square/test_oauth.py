"""Square's OAuth through /v1/e/square: the consent page, the code exchanged with a JSON body,
the seller's merchant id and name kept, and the 30-day token refreshed with its refresh token."""

from urllib.parse import parse_qs, urlsplit

from beanie import PydanticObjectId

from shared.models.integration_credential import ConnectionStatus
from shared.models.square_token import SquareToken
from tests.external_api.conftest import DASHBOARD
from tests.external_api.factories import BOX, expire
from tests.external_api.fakes import json_answer, json_of
from tests.external_api.fakes.square import (
    ACCESS_TOKEN,
    AUTHORIZE_URL,
    CATALOG_URL,
    CLIENT_ID,
    CLIENT_SECRET,
    CUSTOMERS_URL,
    MERCHANT,
    MERCHANT_ANSWER,
    MERCHANT_URL,
    PAYMENTS_URL,
    TOKEN_URL,
    VERSION,
    error,
    page,
    token_answer,
)


async def start(square, admin) -> str:
    response = await square.get("/v1/e/square/auth/start", headers=admin)
    return response.json()["authorize_url"]


async def complete(square, admin, fake, code: str = "sq0cgp-authorization-code"):
    fake.on("POST", TOKEN_URL, json_answer(token_answer()))
    fake.on("GET", MERCHANT_URL, json_answer(MERCHANT_ANSWER))
    state = parse_qs(urlsplit(await start(square, admin)).query)["state"][0]
    return await square.post(
        "/v1/e/square/auth/complete", json={"state": state, "code": code}, headers=admin
    )


async def test_connecting_sends_the_user_to_squares_consent_page(square, admin):
    url = urlsplit(await start(square, admin))

    query = {name: values[0] for name, values in parse_qs(url.query).items()}
    assert f"{url.scheme}://{url.netloc}{url.path}" == AUTHORIZE_URL
    assert (query["client_id"], query["session"]) == (CLIENT_ID, "false")
    assert query["scope"].split() == [
        "MERCHANT_PROFILE_READ",
        "CUSTOMERS_READ",
        "PAYMENTS_READ",
        "ITEMS_READ",
    ]
    assert query["redirect_uri"] == f"{DASHBOARD}/integrations/square/callback"


async def test_the_code_is_exchanged_in_a_json_body(square, fake, admin):
    await complete(square, admin, fake)

    [exchange] = fake.sent("POST", TOKEN_URL)
    assert exchange.headers["square-version"] == VERSION
    body = json_of(exchange)
    assert (body["grant_type"], body["code"]) == ("authorization_code", "sq0cgp-authorization-code")
    assert (body["client_id"], body["client_secret"]) == (CLIENT_ID, CLIENT_SECRET)


async def test_a_connection_knows_its_seller(square, fake, admin, account_id):
    response = await complete(square, admin, fake)

    assert response.json()["status"] == "connected"
    token = await SquareToken.find_one({"account_id": PydanticObjectId(account_id)})
    assert (token.external_id, token.label) == (MERCHANT, "Apple A Day")
    assert token.expires_at.year == 2099
    [asked] = fake.sent("GET", MERCHANT_URL)
    assert asked.headers["authorization"] == f"Bearer {token_answer()['access_token']}"


async def test_an_expired_token_is_refreshed_before_the_call(
    square, fake, admin, connected, account_id
):
    await expire(connected)
    fake.on("POST", TOKEN_URL, json_answer(token_answer("EAAA-fresh")))
    fake.on("GET", CUSTOMERS_URL, json_answer(page("customers", [])))

    await square.post("/v1/e/square/sync", headers=admin)

    [refresh] = fake.sent("POST", TOKEN_URL)
    body = json_of(refresh)
    assert (body["grant_type"], body["refresh_token"]) == ("refresh_token", "EQ-refresh")
    [listed] = fake.sent("GET", CUSTOMERS_URL)
    assert listed.headers["authorization"] == "Bearer EAAA-fresh"
    token = await SquareToken.get(connected.id)
    assert BOX.open(token.access_token) == "EAAA-fresh"


async def test_a_refused_refresh_asks_the_account_to_connect_again(square, fake, admin, connected):
    await expire(connected)
    refused = error("AUTHENTICATION_ERROR", "UNAUTHORIZED", "Invalid refresh token.")
    fake.on("POST", TOKEN_URL, json_answer(refused, 401))

    response = await square.post("/v1/e/square/sync", headers=admin)

    assert response.json()["error"]["code"] == "reconnect_needed"
    assert (await SquareToken.get(connected.id)).status is ConnectionStatus.RECONNECT_NEEDED
    assert fake.sent("GET", CUSTOMERS_URL) == []


async def test_a_token_square_refuses_is_refreshed_once_and_the_call_tried_again(
    square, fake, admin, connected
):
    refused = json_answer(error("AUTHENTICATION_ERROR", "UNAUTHORIZED", "Expired."), 401)
    fake.on("GET", CUSTOMERS_URL, refused, json_answer(page("customers", [])))
    fake.on("GET", PAYMENTS_URL, json_answer(page("payments", [])))
    fake.on("GET", CATALOG_URL, json_answer(page("objects", [])))
    fake.on("POST", TOKEN_URL, json_answer(token_answer("EAAA-after-401")))

    response = await square.post("/v1/e/square/sync", headers=admin)

    assert response.status_code == 200, response.text
    refused_call, retried = fake.sent("GET", CUSTOMERS_URL)
    assert refused_call.headers["authorization"] == f"Bearer {ACCESS_TOKEN}"
    assert retried.headers["authorization"] == "Bearer EAAA-after-401"
    assert len(fake.sent("POST", TOKEN_URL)) == 1
