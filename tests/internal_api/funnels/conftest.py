"""One internal_api per test module, without the public rate limits (the tests of one worker
share one Redis and one client address), its files in a folder of the module's own."""

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from tests.factories import create_signed_in
from tests.fixtures import asgi_client
from tests.internal_api.public.conftest import NO_LIMITS

FUNNELS = "/v1/funnels"
PAGES = "/v1/public/pages"
NO_PAGE_LIMITS = {**NO_LIMITS, "pages_rate_limit_per_ip": ""}


@pytest.fixture(scope="module")
def files_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("files")


@pytest.fixture(scope="module")
async def module_api(files_dir):
    settings = InternalApiSettings(**NO_PAGE_LIMITS, files_dir=files_dir)
    async with asgi_client(create_app(settings)) as client:
        yield client


@pytest.fixture
async def api(module_api, mongo):
    return module_api


@pytest.fixture
def start_api(module_api, client_for, mongo, files_dir):
    """`async with start_api(**settings) as client`: an app of its own."""

    def start(**overrides):
        settings = InternalApiSettings(**{**NO_PAGE_LIMITS, "files_dir": files_dir, **overrides})
        return client_for(create_app(settings))

    return start


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


@pytest.fixture
async def stranger(mongo):
    """A user of another agency."""
    return await create_signed_in()


async def made(api, signed_in, body) -> dict:
    response = await api.post(FUNNELS, json=body, headers=signed_in.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def drafted(api, signed_in, funnel: dict, blocks: list[dict], index: int = 0) -> str:
    """The step's page with these blocks, published; its page path."""
    page_id = funnel["steps"][index]["page_id"]
    page_path = f"{FUNNELS}/{funnel['id']}/pages/{page_id}"
    response = await api.patch(page_path, json={"blocks": blocks}, headers=signed_in.headers)
    assert response.status_code == 200, response.text
    published = await api.post(f"{page_path}/publish", headers=signed_in.headers)
    assert published.status_code == 201, published.text
    return page_path
