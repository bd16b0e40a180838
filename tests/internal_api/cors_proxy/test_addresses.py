"""The CORS proxy on its real transport: a host on the allow-list whose name resolves inside
the network is refused as the connection opens (the outbound proxy's rule), before any byte
is sent to it."""

import pytest

from internal_api.app import create_app
from shared.utilities.checked_transport import CheckedAddressTransport
from tests.factories import create_signed_in
from tests.internal_api.cors_proxy.conftest import proxy_settings
from tests.internal_api.cors_proxy.fake_hosts import FONT_URL


def resolving_to(address: str):
    async def resolve(host: str, port: int) -> list[str]:
        return [address]

    return resolve


@pytest.mark.parametrize(
    "address", ["10.0.0.5", "127.0.0.1", "169.254.169.254", "192.168.1.1", "::1", "fd00::7"]
)
async def test_an_allowed_host_resolving_inside_the_network_is_refused(client_for, mongo, address):
    transport = CheckedAddressTransport(resolver=resolving_to(address))
    app = create_app(proxy_settings(), cors_proxy_transport=transport)
    me = await create_signed_in()

    async with client_for(app) as api:
        response = await api.get("/v1/cors-proxy", params={"url": FONT_URL}, headers=me.headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "cors_proxy_address_not_allowed"
