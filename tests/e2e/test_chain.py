"""The dashboard's path, over real HTTP on ports: gateway -> router -> internal_api."""

from collections.abc import AsyncIterator

import httpx
import pytest

from internal_api.app import create_app as create_internal_api
from internal_api.settings import InternalApiSettings
from tests.factories import PASSWORD, unique_email
from tests.fixtures import dashboard_chain
from tests.internal_api.self_service import RecordedJobs, last_token, record_jobs


@pytest.fixture
def jobs() -> RecordedJobs:
    return RecordedJobs()


@pytest.fixture
async def dashboard(mongo, jobs) -> AsyncIterator[httpx.AsyncClient]:
    """A client of the gateway, as the dashboard is, with the whole chain behind it; the jobs
    internal_api asks for are recorded in `jobs`."""
    internal_api = create_internal_api(InternalApiSettings())
    async with dashboard_chain(internal_api) as client:
        record_jobs(internal_api, jobs)
        yield client


async def sign_up(
    dashboard: httpx.AsyncClient, account_name: str = "Acme", jobs: RecordedJobs | None = None
) -> dict[str, str]:
    """A new agency's owner's session headers; with the jobs internal_api asked for, the owner
    confirms their email too (by the link mailed), as making sub-accounts or connecting needs."""
    response = await dashboard.post(
        "/v1/auth/signup",
        json={
            "email": unique_email(),
            "password": PASSWORD,
            "name": "Ada",
            "account_name": account_name,
        },
    )
    assert response.status_code == 201, response.text
    if jobs is not None:
        token = last_token(jobs, "email_verification")
        confirmed = await dashboard.post("/v1/auth/email/confirm", json={"token": token})
        assert confirmed.status_code == 204, confirmed.text
    return {"x-session-id": response.json()["session_id"]}


async def test_a_new_agency_signs_up_and_reads_itself_through_the_chain(dashboard):
    session = await sign_up(dashboard, "Acme")

    response = await dashboard.get("/v1/users/me", headers=session)

    assert response.status_code == 200
    assert response.json()["account"]["name"] == "Acme"
    assert response.json()["role"] == "owner"


async def test_login_through_the_chain_gives_a_working_session(dashboard):
    email = unique_email()
    await dashboard.post(
        "/v1/auth/signup",
        json={"email": email, "password": PASSWORD, "name": "Ada", "account_name": "Acme"},
    )

    login = await dashboard.post("/v1/auth/login", json={"email": email, "password": PASSWORD})
    me = await dashboard.get("/v1/users/me", headers={"x-session-id": login.json()["session_id"]})

    assert login.status_code == 200
    assert me.json()["user"]["email"] == email


async def test_a_request_without_a_session_is_refused_by_the_router(dashboard):
    response = await dashboard.get("/v1/users/me")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "unauthorized"


async def test_logout_refuses_the_session_on_the_very_next_request(dashboard):
    session = await sign_up(dashboard)

    logout = await dashboard.post("/v1/auth/logout", headers=session)
    after = await dashboard.get("/v1/users/me", headers=session)

    assert logout.status_code == 204
    assert after.status_code == 401


async def test_the_dashboards_request_id_comes_back_from_every_hop(dashboard):
    session = await sign_up(dashboard)

    response = await dashboard.get(
        "/v1/users/me", headers={**session, "x-request-id": "dashboard-42"}
    )

    assert response.headers["x-request-id"] == "dashboard-42"


async def test_another_agencys_sub_account_answers_404_through_the_chain(dashboard, jobs):
    mine, theirs = await sign_up(dashboard, "Mine"), await sign_up(dashboard, "Theirs", jobs)
    created = await dashboard.post(
        "/v1/accounts/sub-accounts", json={"name": "Their client"}, headers=theirs
    )

    response = await dashboard.get(
        f"/v1/accounts/sub-accounts/{created.json()['id']}", headers=mine
    )

    assert created.status_code == 201
    assert response.status_code == 404


async def test_switching_to_a_sub_account_changes_the_account_every_service_sees(dashboard, jobs):
    session = await sign_up(dashboard, "Agency", jobs)
    client = await dashboard.post(
        "/v1/accounts/sub-accounts", json={"name": "Client"}, headers=session
    )

    await dashboard.post(
        "/v1/auth/switch-account", json={"account_id": client.json()["id"]}, headers=session
    )
    me = await dashboard.get("/v1/users/me", headers=session)

    assert me.json()["account"]["name"] == "Client"
