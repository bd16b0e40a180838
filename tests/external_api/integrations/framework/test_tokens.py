"""Calls as an account's OAuth connection: the access token refreshed shortly before it
expires and once after a provider 401, one refresh however many requests need it at once, and
a refused refresh marking the connection `reconnect_needed` (409)."""

import asyncio

import httpx

from shared.models.google_analytics_token import GoogleAnalyticsToken
from shared.models.integration_credential import ConnectionStatus
from tests.external_api.factories import BOX, create_connection, expire
from tests.external_api.fakes import form_of, json_answer
from tests.external_api.fakes.google import (
    ANALYTICS_URL,
    INVALID_GRANT,
    TOKEN_URL,
    UNAUTHENTICATED,
    run_report_answer,
    token_answer,
)

RUN_REPORT = f"{ANALYTICS_URL}/v1beta/properties/123:runReport"
REPORT = {"property_id": "123", "start_date": "2024-03-01", "end_date": "2024-03-02"}
ANSWER = run_report_answer([("20240301", "10", "8")])


async def pull(external, headers) -> httpx.Response:
    return await external.post("/v1/e/google-analytics/reports", headers=headers, json=REPORT)


async def test_a_token_far_from_expiry_is_used_as_is(external, member, fake, account_id):
    fake.on("POST", RUN_REPORT, json_answer(ANSWER))
    await create_connection("google-analytics", account_id, access_token="ya29.current")

    await pull(external, member)

    (sent,) = fake.sent("POST", RUN_REPORT)
    assert sent.headers["authorization"] == "Bearer ya29.current"
    assert fake.sent("POST", TOKEN_URL) == []


async def test_a_token_about_to_expire_is_refreshed_first(external, member, fake, account_id):
    fake.on("POST", TOKEN_URL, json_answer(token_answer("ya29.fresh", refresh_token=None)))
    fake.on("POST", RUN_REPORT, json_answer(ANSWER))
    await create_connection("google-analytics", account_id, expires_in=60)

    response = await pull(external, member)

    assert response.status_code == 201
    (refresh,) = fake.sent("POST", TOKEN_URL)
    assert form_of(refresh) == {
        "grant_type": "refresh_token",
        "refresh_token": "1//refresh",
        "client_id": "google-client-id.apps.googleusercontent.com",
        "client_secret": "google-client-secret",
    }
    assert fake.sent("POST", RUN_REPORT)[0].headers["authorization"] == "Bearer ya29.fresh"


async def test_a_refresh_keeps_the_refresh_token_google_did_not_resend(
    external, member, fake, account_id
):
    fake.on("POST", TOKEN_URL, json_answer(token_answer("ya29.fresh", refresh_token=None)))
    fake.on("POST", RUN_REPORT, json_answer(ANSWER))
    credential = await create_connection("google-analytics", account_id)
    await expire(credential)

    await pull(external, member)

    stored = await GoogleAnalyticsToken.get(credential.id)
    assert BOX.open(stored.access_token) == "ya29.fresh"
    assert BOX.open(stored.refresh_token) == "1//refresh"


async def test_a_401_refreshes_once_and_tries_again(external, member, fake, account_id):
    fake.on("POST", TOKEN_URL, json_answer(token_answer("ya29.fresh")))
    fake.on("POST", RUN_REPORT, json_answer(UNAUTHENTICATED, 401), json_answer(ANSWER))
    await create_connection("google-analytics", account_id, access_token="ya29.revoked")

    response = await pull(external, member)

    assert response.status_code == 201
    first, second = fake.sent("POST", RUN_REPORT)
    assert first.headers["authorization"] == "Bearer ya29.revoked"
    assert second.headers["authorization"] == "Bearer ya29.fresh"
    assert len(fake.sent("POST", TOKEN_URL)) == 1


async def test_a_second_401_asks_to_reconnect(external, member, fake, account_id):
    fake.on("POST", TOKEN_URL, json_answer(token_answer("ya29.fresh")))
    fake.on("POST", RUN_REPORT, json_answer(UNAUTHENTICATED, 401))
    credential = await create_connection("google-analytics", account_id)

    response = await pull(external, member)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "reconnect_needed"
    assert len(fake.sent("POST", RUN_REPORT)) == 2
    stored = await GoogleAnalyticsToken.get(credential.id)
    assert stored.status is ConnectionStatus.RECONNECT_NEEDED


async def test_a_refused_refresh_asks_to_reconnect(external, member, fake, account_id):
    fake.on("POST", TOKEN_URL, json_answer(INVALID_GRANT, 400))
    credential = await create_connection("google-analytics", account_id)
    await expire(credential)

    response = await pull(external, member)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "reconnect_needed"
    stored = await GoogleAnalyticsToken.get(credential.id)
    assert stored.status is ConnectionStatus.RECONNECT_NEEDED
    assert "invalid_grant" in stored.problem
    assert fake.sent("POST", RUN_REPORT) == []


async def test_a_connection_needing_reconnect_is_not_called(external, member, fake, account_id):
    await create_connection(
        "google-analytics", account_id, status=ConnectionStatus.RECONNECT_NEEDED
    )

    response = await pull(external, member)

    assert response.status_code == 409
    assert fake.requests == []


async def test_an_unconnected_account_is_told_to_connect(external, member, fake):
    response = await pull(external, member)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "not_connected"
    assert fake.requests == []


async def test_concurrent_requests_refresh_the_token_once(external, member, fake, account_id):
    refreshes = 0

    async def slow_token_endpoint(request: httpx.Request) -> httpx.Response:
        nonlocal refreshes
        refreshes += 1
        await asyncio.sleep(0.2)  # still refreshing when the other requests arrive
        return json_answer(token_answer(f"ya29.fresh-{refreshes}"))

    fake.on("POST", TOKEN_URL, slow_token_endpoint)
    fake.on("POST", RUN_REPORT, json_answer(ANSWER))
    credential = await create_connection("google-analytics", account_id)
    await expire(credential)

    responses = await asyncio.gather(*(pull(external, member) for _ in range(5)))

    assert [response.status_code for response in responses] == [201] * 5
    assert refreshes == 1
    tokens = {sent.headers["authorization"] for sent in fake.sent("POST", RUN_REPORT)}
    assert tokens == {"Bearer ya29.fresh-1"}
