"""internal_api the dashboard's way: gateway -> router -> internal_api on real ports, each
request signed in by a session id (`x-session-id`), as the dashboard sends it.

For end-to-end journeys only (it is slow: three servers): routes are tested in-process
(`api`, signed in with the user token the router would mint) and business rules on the
services. One chain serves a whole test module (the database is emptied after each test).

    async def test_a_journey(dashboard):
        owner = await create_signed_in()
        response = await dashboard.get("/v1/crm/contacts", headers=owner.session_headers)

`dashboard_jobs` records the jobs internal_api's requests leave during the test, the
platform's emails kept rather than sent (`tests.internal_api.self_service.mails`).
"""

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fastapi import FastAPI

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from tests.fixtures import dashboard_chain
from tests.internal_api.self_service import RecordedJobs, record_jobs


@pytest.fixture(scope="module")
async def module_chain() -> AsyncIterator[tuple[httpx.AsyncClient, FastAPI]]:
    internal_api = create_app(InternalApiSettings())
    async with dashboard_chain(internal_api) as client:
        yield client, internal_api


@pytest.fixture
def dashboard(module_chain, mongo) -> httpx.AsyncClient:
    """The gateway's client, as the dashboard is: send `headers=signed_in.session_headers`."""
    return module_chain[0]


@pytest.fixture
def dashboard_jobs(module_chain) -> Iterator[RecordedJobs]:
    internal_api = module_chain[1]
    jobs = RecordedJobs()
    had = record_jobs(internal_api, jobs)
    yield jobs
    internal_api.state.senders = had
