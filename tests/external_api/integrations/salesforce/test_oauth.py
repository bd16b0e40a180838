"""Salesforce's connect: the org's `instance_url` and id come with the tokens, and are kept
(its API is called there; its outbound messages name the org); the secrets are not."""

from external_api.integrations.framework.http import ProviderHttp
from external_api.integrations.framework.oauth import TokenSet
from external_api.integrations.salesforce.oauth import salesforce_flow
from shared.utilities.upstream import http_client
from tests.external_api.conftest import external_settings
from tests.external_api.fakes import FakeProviders
from tests.external_api.fakes.salesforce import INSTANCE, ORG, token_answer
from tests.external_api.integrations.crm_sync.conftest import CRM_SETTINGS


async def test_a_connection_keeps_its_instance_and_org():
    tokens = TokenSet.from_answer(token_answer())
    async with http_client(5, 5, FakeProviders().transport()) as client:
        http = ProviderHttp("Salesforce", client, INSTANCE)
        flow = salesforce_flow(external_settings(**CRM_SETTINGS), http)

        connected_as = await flow.connected_as(tokens)

    assert connected_as.external_id == ORG
    assert connected_as.options == {"instance_url": INSTANCE}
    assert not {"signature", "access_token", "refresh_token"} & set(tokens.extra)
