"""HubSpot's connect: the portal a fresh token reaches is read from its token info, so the
portal's webhooks find the account."""

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import TokenSet
from external_api.integrations.hubspot.oauth import hubspot_flow
from shared.utilities.upstream import http_client
from tests.external_api.conftest import external_settings
from tests.external_api.fakes import FakeProviders, json_answer
from tests.external_api.fakes.hubspot import API, PORTAL
from tests.external_api.integrations.crm_sync.conftest import CRM_SETTINGS

# As `GET /oauth/v1/access-tokens/{token}` documents it.
TOKEN_INFO = {
    "token": "hs-new",
    "user": "ada@example.com",
    "hub_domain": "acme.com",
    "scopes": ["crm.objects.contacts.read", "crm.objects.contacts.write", "oauth"],
    "hub_id": PORTAL,
    "app_id": 1160452,
    "expires_in": 1800,
    "user_id": 123,
    "token_type": "access",
}


async def test_a_connection_knows_its_portal():
    fake = FakeProviders()
    fake.on("GET", f"{API}/oauth/v1/access-tokens/hs-new", json_answer(TOKEN_INFO))
    async with http_client(5, 5, fake.transport()) as client:
        http = ProviderHttp("HubSpot", client, API)
        flow = hubspot_flow(external_settings(**CRM_SETTINGS), http)

        connected_as = await flow.connected_as(TokenSet("hs-new", "r", 1800))

    assert (connected_as.external_id, connected_as.label) == (str(PORTAL), "acme.com")
