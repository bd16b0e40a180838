"""One external API per module with the platform's Beamer key set (`beamer_api`), Beamer
faked at the transport and what it sent and waited recorded (`beamer`)."""

import pytest

from external_api.integrations.beamer.settings import BeamerSettings
from tests.external_api.fakes.beamer import API_KEY
from tests.external_api.recorded_app import Recorded, recorded_api


@pytest.fixture(scope="module")
def recorded() -> Recorded:
    return Recorded()


@pytest.fixture(scope="module")
async def module_beamer_api(recorded):
    async with recorded_api(recorded, beamer=BeamerSettings(api_key=API_KEY)) as client:
        yield client


@pytest.fixture
def beamer(recorded, mongo) -> Recorded:
    return recorded.clear()


@pytest.fixture
def beamer_api(module_beamer_api, beamer):
    return module_beamer_api
