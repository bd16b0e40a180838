"""One external API per test module with the platform's Duda and Cloudflare accounts set up,
its providers faked at the transport (`fake`, emptied for each test) and retries not slept:
starting the app once per module rather than per test is most of what these tests would cost.

A folder's conftest takes the fixtures (`platform_api`, `platform_fake`):

    from tests.external_api.platform_app import module_platform_api, module_platform_fake, ...
"""

import pytest

from external_api.integrations.cloudflare.settings import CloudflareSettings
from external_api.integrations.duda.settings import DudaSettings
from shared.utilities.auth import authenticator_for, service_token
from shared.utilities.settings import ServiceSettings
from tests.external_api.fakes import FakeProviders
from tests.external_api.fakes.cloudflare import API_TOKEN, ZONE_ID
from tests.external_api.fakes.duda import PASSWORD, USERNAME
from tests.external_api.recorded_app import Recorded, recorded_api


@pytest.fixture(scope="module")
def module_platform_recorded() -> Recorded:
    return Recorded()


@pytest.fixture(scope="module")
def module_platform_fake(module_platform_recorded) -> FakeProviders:
    return module_platform_recorded.fake


@pytest.fixture(scope="module")
async def module_platform_api(module_platform_recorded):
    async with recorded_api(
        module_platform_recorded,
        duda=DudaSettings(username=USERNAME, password=PASSWORD, account_prefix="platform-"),
        cloudflare=CloudflareSettings(api_token=API_TOKEN, zone_id=ZONE_ID),
    ) as client:
        yield client


@pytest.fixture
def platform_fake(module_platform_recorded) -> FakeProviders:
    return module_platform_recorded.clear().fake


@pytest.fixture
def platform_api(module_platform_api, platform_fake, mongo):
    return module_platform_api


def from_service(name: str = "queue_manager") -> dict[str, str]:
    """The Authorization header of a sibling service's token for the external API."""
    token = service_token(authenticator_for(ServiceSettings()), name, "external_api")
    return {"authorization": f"Bearer {token}"}
