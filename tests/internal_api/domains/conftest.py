import pytest

from tests.internal_api.accounts.dns_server import txt_zone
from tests.internal_api.module_app import module_api, start_api

__all__ = ["module_api", "start_api"]


@pytest.fixture(scope="module")
async def dns():
    async with txt_zone() as (zone, address):
        yield zone, address


@pytest.fixture
def zone(dns):
    zone = dns[0]
    zone.records.clear()
    return zone


@pytest.fixture
async def api(start_api, dns, zone):
    async with start_api(domains_dns_nameservers=[dns[1]], domains_dns_timeout_seconds=2) as client:
        yield client
