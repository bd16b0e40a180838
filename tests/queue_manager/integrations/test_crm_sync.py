"""A CRM's webhook event in the queue manager: applied, by the external API (on a real port,
HubSpot faked at its transport), to each account whose sync is on and that connected the
portal the event names; an account without a sync is left alone."""

import pytest

from external_api.app import create_app
from queue_manager.celery import settings
from queue_manager.integrations.hubspot import handle
from shared.models.contact import Contact
from shared.models.crm_sync_connection import CrmSyncConnection
from tests.external_api.conftest import external_settings
from tests.external_api.factories import create_connection
from tests.external_api.fakes import FakeProviders, json_answer
from tests.external_api.fakes.hubspot import CONTACTS_URL, PORTAL, contact
from tests.external_api.integrations.crm_sync.conftest import CRM_SETTINGS
from tests.factories import create_account

EVENT = {
    "id": f"{PORTAL}:1001",
    "type": "contact.propertyChange",
    "data": {
        "external_account": str(PORTAL),
        "changes": [{"external_id": "501", "deleted": False}],
    },
}


@pytest.fixture
async def external_api(serve, monkeypatch, mongo):
    fake = FakeProviders()
    fake.on("GET", f"{CONTACTS_URL}/501", json_answer(contact("501", firstname="Ada")))
    app = create_app(external_settings(**CRM_SETTINGS), fake.transport())
    async with serve(app) as url:
        monkeypatch.setattr(settings, "external_api_url", url)
        yield fake


async def test_an_event_is_applied_to_each_syncing_account_of_its_portal(external_api, run):
    syncing, not_syncing = await create_account(), await create_account(name="Other")
    for account in (syncing, not_syncing):
        await create_connection("hubspot", str(account.id), external_id=str(PORTAL))
    await CrmSyncConnection(account_id=syncing.id, provider="hubspot").insert()

    answer = await run(handle, EVENT)

    assert answer == {"applied": {str(syncing.id): ["created"]}}
    created = await Contact.find({"first_name": "Ada"}).to_list()
    assert [c.account_id for c in created] == [syncing.id]
