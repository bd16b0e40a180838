"""One internal API for the module, its custom domains checked against a real UDP DNS server
on loopback (`zone.records`, emptied for each test)."""

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from tests.fixtures import asgi_client
from tests.internal_api.accounts.dns_server import txt_zone


@pytest.fixture(scope="module")
async def dns():
    async with txt_zone() as (zone, address):
        yield zone, address


@pytest.fixture(scope="module")
async def module_domains_api(dns):
    settings = InternalApiSettings(domains_dns_nameservers=[dns[1]], domains_dns_timeout_seconds=2)
    async with asgi_client(create_app(settings)) as client:
        yield client


@pytest.fixture
def zone(dns):
    zone = dns[0]
    zone.records.clear()
    return zone


@pytest.fixture
def api(module_domains_api, mongo, zone):
    return module_domains_api
