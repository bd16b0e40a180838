"""An InstaSite for an entity of the account's Yext: the external API (faked at the transport,
answering as its Yext route does) is asked with the internal API's service token, and the
entity's data fills what the agency did not give."""

import httpx
import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from shared.models.instasite import Instasite
from tests.factories import create_signed_in
from tests.fixtures import asgi_client

EXTERNAL = "http://external.test"
BUSINESS = {
    "name": "Dee's Doughnuts",
    "category": "Hand-made doughnuts",
    "phone": "+15555550100",
    "email": "hello@dees.test",
    "website": "https://dees.test",
    "address": None,
    "hours": [{"days": ["MON"], "opens": "07:00", "closes": "15:00"}],
    "logo_url": None,
    "photos": ["https://a.mktgcdn.com/p/shop.jpg"],
}
NOT_CONNECTED = {"error": {"code": "not_connected", "message": "no", "details": []}}


class ExternalApi:
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []
        self.answer = httpx.Response(200, json=BUSINESS)

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer


@pytest.fixture(scope="module")
def module_external() -> ExternalApi:
    return ExternalApi()


@pytest.fixture(scope="module")
async def module_yext_api(module_external):
    settings = InternalApiSettings(external_api_url=EXTERNAL)
    app = create_app(settings, external_api_transport=httpx.MockTransport(module_external.handle))
    async with asgi_client(app) as client:
        yield client


@pytest.fixture
def external(module_external) -> ExternalApi:
    module_external.requests.clear()
    module_external.answer = httpx.Response(200, json=BUSINESS)
    return module_external


@pytest.fixture
def api(module_yext_api, external, mongo):
    return module_yext_api


async def ask(api, signed_in):
    body = {"template_id": 1000774, "yext_entity_id": "loc-1"}
    return await api.post("/v1/instasites", json=body, headers=signed_in.headers)


async def test_the_entitys_data_fills_the_instasite(api, external):
    owner = await create_signed_in()

    response = await ask(api, owner)

    assert response.status_code == 202
    business = response.json()["business"]
    assert (business["name"], business["hours"], business["photos"]) == (
        "Dee's Doughnuts",
        BUSINESS["hours"],
        BUSINESS["photos"],
    )
    assert response.json()["source"] == "yext"
    [asked] = external.requests
    assert (
        str(asked.url)
        == f"{EXTERNAL}/v1/e/yext/accounts/{owner.account.id}/entities/loc-1/business"
    )
    assert asked.headers["authorization"].startswith("Bearer ")


async def test_an_account_without_yext_builds_nothing(api, external):
    external.answer = httpx.Response(409, json=NOT_CONNECTED)
    owner = await create_signed_in()

    response = await ask(api, owner)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "yext_not_connected"
    assert await Instasite.find({"account_id": owner.account.id}).count() == 0
