"""The external API with the platform's HubSpot, Pipedrive and Salesforce apps configured, an
account stored (the sync writes its contacts as the platform, in the account's region), and
the queue manager's service token."""

import pytest

from external_api.integrations.hubspot.settings import HubspotSettings
from external_api.integrations.pipedrive.settings import PipedriveSettings
from external_api.integrations.salesforce.settings import SalesforceSettings
from shared.utilities.auth import authenticator_for, service_token
from shared.utilities.settings import ServiceSettings
from tests.external_api.fakes import hubspot, pipedrive, salesforce
from tests.factories import create_account

CRM_SETTINGS = {
    "hubspot": HubspotSettings(client_id=hubspot.CLIENT_ID, client_secret=hubspot.CLIENT_SECRET),
    "pipedrive": PipedriveSettings(
        client_id=pipedrive.CLIENT_ID,
        client_secret=pipedrive.CLIENT_SECRET,
        webhook_user=pipedrive.WEBHOOK_USER,
        webhook_password=pipedrive.WEBHOOK_PASSWORD,
    ),
    "salesforce": SalesforceSettings(
        client_id=salesforce.CLIENT_ID, client_secret=salesforce.CLIENT_SECRET
    ),
}


@pytest.fixture
async def crm(start_external):
    async with start_external(**CRM_SETTINGS) as client:
        yield client


@pytest.fixture
async def account_id(mongo) -> str:
    return str((await create_account()).id)


def from_queue_manager() -> dict[str, str]:
    token = service_token(authenticator_for(ServiceSettings()), "queue_manager", "external_api")
    return {"authorization": f"Bearer {token}"}


def sync_path(provider: str, account_id: str, action: str) -> str:
    return f"/v1/e/crm-sync/{provider}/accounts/{account_id}/{action}"


async def set_up(client, provider: str, headers: dict, **body) -> dict:
    response = await client.put(f"/v1/e/crm-sync/{provider}", json=body, headers=headers)
    assert response.status_code == 200, response.text
    return response.json()
