"""Integrations the way the dashboard and providers reach them: gateway -> router ->
external_api on real ports. The dashboard's calls need its session, completing an OAuth connect
included; Facebook's webhook carries none and passes, its body unchanged so its signature
holds."""

from collections.abc import AsyncIterator
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from external_api.app import create_app as create_external_api
from internal_api.app import create_app as create_internal_api
from internal_api.settings import InternalApiSettings
from tests.e2e.test_chain import jobs, sign_up
from tests.external_api.conftest import DASHBOARD, external_settings
from tests.external_api.fakes import FakeProviders, json_answer
from tests.external_api.fakes.facebook import leadgen_body, signature
from tests.external_api.fakes.google import TOKEN_URL, token_answer
from tests.fixtures import dashboard_chain, running
from tests.internal_api.self_service import record_jobs

__all__ = ["jobs"]


@pytest.fixture
def fake() -> FakeProviders:
    return FakeProviders()


@pytest.fixture
async def dashboard(mongo, fake, jobs) -> AsyncIterator[httpx.AsyncClient]:
    external_api = create_external_api(external_settings(), fake.transport())
    internal_api = create_internal_api(InternalApiSettings())
    async with (
        running(external_api) as external_api_url,
        dashboard_chain(internal_api, external_api_url=external_api_url) as client,
    ):
        record_jobs(internal_api, jobs)
        yield client


async def test_the_integrations_list_is_read_with_the_session(dashboard):
    session = await sign_up(dashboard)

    response = await dashboard.get("/v1/e/integrations", headers=session)

    assert response.status_code == 200
    assert {"google-analytics", "facebook"} <= {item["name"] for item in response.json()["data"]}


async def test_the_integrations_list_without_a_session_is_refused(dashboard):
    response = await dashboard.get("/v1/e/integrations")

    assert response.status_code == 401


async def test_a_signed_facebook_webhook_passes_without_a_session(dashboard):
    body = leadgen_body(("page-1", "lead-chain"))

    response = await dashboard.post(
        "/v1/e/facebook/webhooks/leadgen",
        content=body,
        headers={"x-hub-signature-256": signature(body), "content-type": "application/json"},
    )

    assert response.status_code == 200
    assert response.json()["accepted"] == 1


async def test_the_dashboard_completes_a_google_connect_with_its_session(dashboard, fake, jobs):
    fake.on("POST", TOKEN_URL, json_answer(token_answer()))
    session = await sign_up(dashboard, jobs=jobs)
    start = await dashboard.get("/v1/e/google-analytics/auth/start", headers=session)
    query = parse_qs(urlsplit(start.json()["authorize_url"]).query)

    completed = await dashboard.post(
        "/v1/e/google-analytics/auth/complete",
        json={"state": query["state"][0], "code": "4/code"},
        headers=session,
    )
    listed = await dashboard.get("/v1/e/integrations", headers=session)

    assert query["redirect_uri"] == [f"{DASHBOARD}/integrations/google-analytics/callback"]
    assert completed.json()["status"] == "connected"
    status = {item["name"]: item["status"] for item in listed.json()["data"]}
    assert status["google-analytics"] == "connected"


async def test_a_connect_link_opened_by_another_user_attaches_nothing(dashboard, fake, jobs):
    fake.on("POST", TOKEN_URL, json_answer(token_answer()))
    attacker = await sign_up(dashboard, jobs=jobs)
    start = await dashboard.get("/v1/e/google-analytics/auth/start", headers=attacker)
    state = parse_qs(urlsplit(start.json()["authorize_url"]).query)["state"][0]
    victim = await sign_up(dashboard, jobs=jobs)

    completed = await dashboard.post(
        "/v1/e/google-analytics/auth/complete",
        json={"state": state, "code": "4/victims-code"},
        headers=victim,
    )
    listed = await dashboard.get("/v1/e/integrations", headers=attacker)

    assert completed.status_code == 403
    assert completed.json()["error"]["code"] == "connect_started_by_another"
    assert fake.sent("POST", TOKEN_URL) == []
    status = {item["name"]: item["status"] for item in listed.json()["data"]}
    assert status["google-analytics"] == "not_connected"
