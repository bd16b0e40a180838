"""Connections to URLs chosen by others (webhooks, the CORS proxy) go only to checked
addresses, resolved once, and keep the host's name."""

import httpx
import pytest

from shared.utilities.addresses import LOOPBACK_NETWORKS
from shared.utilities.checked_transport import CheckedAddressTransport
from shared.utilities.errors import Forbidden
from tests.queue_manager.webhooks.factories import Receiver


def resolving_to(*addresses: str):
    asked = []

    async def resolve(host: str, port: int) -> list[str]:
        asked.append(host)
        return list(addresses)

    resolve.asked = asked
    return resolve


async def test_a_name_is_connected_to_at_its_checked_address_and_keeps_its_host_header(serve):
    receiver = Receiver()
    resolver = resolving_to("127.0.0.1")
    transport = CheckedAddressTransport(LOOPBACK_NETWORKS, resolver)
    async with serve(receiver.app()) as url, httpx.AsyncClient(transport=transport) as client:
        port = httpx.URL(url).port

        answer = await client.post(f"http://hooks.customer.test:{port}/in", content=b"{}")

    assert answer.status_code == 200
    assert resolver.asked == ["hooks.customer.test"]
    assert receiver.received[0].headers["host"] == f"hooks.customer.test:{port}"


@pytest.mark.parametrize("address", ["10.0.0.7", "169.254.169.254", "127.0.0.1", "fd00::1"])
async def test_a_name_resolving_inside_the_network_is_refused_before_connecting(address):
    transport = CheckedAddressTransport((), resolving_to(address))
    async with httpx.AsyncClient(transport=transport) as client:
        with pytest.raises(Forbidden):
            await client.post("https://hooks.customer.test/in", content=b"{}")


async def test_an_address_literal_inside_the_network_is_refused():
    async with httpx.AsyncClient(transport=CheckedAddressTransport()) as client:
        with pytest.raises(Forbidden):
            await client.post("http://169.254.169.254/latest/meta-data/", content=b"{}")
