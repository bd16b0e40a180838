"""A real UDP DNS server on loopback answering TXT queries from a dict (`zone.records`), and a
resolver of dnspython's asking it: the custom-domain checks run over a real socket."""

import pytest

from shared.utilities.dns import TxtResolver
from tests.internal_api.accounts.dns_server import txt_zone


@pytest.fixture
async def dns():
    async with txt_zone() as (zone, address):
        yield zone, address


@pytest.fixture
def zone(dns):
    return dns[0]


@pytest.fixture
def resolver(dns) -> TxtResolver:
    return TxtResolver([dns[1]], timeout_seconds=2)
