"""One internal_api for these tests with the external API and the AI service faked at the
transport (`siblings`): the requests it makes to them are asserted, their answers queued."""

import jwt
import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from tests.external_api.fakes import FakeProviders
from tests.fixtures import asgi_client

EXTERNAL_API = "http://127.0.0.1:5003"
AI_SERVICE = "http://127.0.0.1:5010"
SIBLINGS = FakeProviders()


# One app for the package's modules: starting it is most of what their tests cost.
@pytest.fixture(scope="package")
async def reviews_api():
    app = create_app(
        InternalApiSettings(),
        external_api_transport=SIBLINGS.transport(),
        ai_service_transport=SIBLINGS.transport(),
    )
    async with asgi_client(app) as client:
        yield client


@pytest.fixture
async def api(reviews_api, mongo):
    return reviews_api


@pytest.fixture
def siblings() -> FakeProviders:
    SIBLINGS.answers.clear()
    SIBLINGS.requests.clear()
    return SIBLINGS


def token_claims(request) -> dict:
    """The service token's claims, unverified: which service called which."""
    token = request.headers["authorization"].removeprefix("Bearer ")
    return jwt.decode(token, options={"verify_signature": False})
