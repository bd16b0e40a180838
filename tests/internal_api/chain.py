"""The CRM's tests go the dashboard's way: gateway -> router -> internal_api on real ports,
signed in with a session id, so every route is proven through the whole chain.

One chain serves a whole test module (the database is emptied after each test); a test that
needs other internal_api settings gets a chain of its own."""

from contextlib import nullcontext

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from tests.factories import SignedIn
from tests.fixtures import dashboard_chain


@pytest.fixture(scope="module")
async def module_chain():
    async with dashboard_chain(create_app(InternalApiSettings())) as client:
        yield client


@pytest.fixture
def start_api(module_chain, mongo, monkeypatch):
    """`async with start_api(**internal_api_settings) as client`: a client of the gateway."""
    monkeypatch.setattr(
        SignedIn, "headers", property(lambda signed_in: {"x-session-id": signed_in.session_id})
    )

    def start(**overrides):
        if not overrides:
            return nullcontext(module_chain)
        return dashboard_chain(create_app(InternalApiSettings(**overrides)))

    return start
