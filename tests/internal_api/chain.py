"""internal_api the dashboard's way: gateway -> router -> internal_api on real ports, each
request signed in by a session id (`x-session-id`), as the dashboard sends it.

For end-to-end journeys only (it is slow: three servers): routes are tested in-process
(`api`, signed in with the user token the router would mint) and business rules on the
services. One chain serves a whole test module (the database is emptied after each test).

    async def test_a_journey(dashboard):
        owner = await create_signed_in()
        response = await dashboard.get("/v1/crm/contacts", headers=owner.session_headers)
"""

import httpx
import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from tests.fixtures import dashboard_chain


@pytest.fixture(scope="module")
async def module_chain():
    async with dashboard_chain(create_app(InternalApiSettings())) as client:
        yield client


@pytest.fixture
def dashboard(module_chain, mongo) -> httpx.AsyncClient:
    """The gateway's client, as the dashboard is: send `headers=signed_in.session_headers`."""
    return module_chain
