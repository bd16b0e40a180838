"""One external API per module with the platform's RapidAPI key set (`lead_api`), RapidAPI
faked at the transport and what it sent, waited, queued and emitted recorded (`lead`)."""

import pytest

from external_api.integrations.rapidapi.settings import RapidapiSettings
from tests.external_api.fakes.rapidapi import API_KEY
from tests.external_api.recorded_app import Recorded, recorded_api


@pytest.fixture(scope="module")
def recorded() -> Recorded:
    return Recorded()


@pytest.fixture(scope="module")
async def module_lead_api(recorded):
    rapidapi = RapidapiSettings(api_key=API_KEY, page_size=2)
    async with recorded_api(recorded, rapidapi=rapidapi) as client:
        yield client


@pytest.fixture
def lead(recorded, mongo) -> Recorded:
    return recorded.clear()


@pytest.fixture
def lead_api(module_lead_api, lead):
    return module_lead_api
