"""Setting a CRM sync up: only once the CRM is connected, its mapping checked against the
account's fields (nothing stored when refused); the import started once at a time; the log
read back; only the queue manager runs the sync."""

from shared.models.crm_sync_connection import CrmSyncConnection
from shared.models.custom_field import CustomField, CustomFieldType
from tests.external_api.factories import create_connection
from tests.external_api.integrations.crm_sync.conftest import sync_path

SETUP = "/v1/e/crm-sync/hubspot"


async def stored_syncs() -> int:
    return await CrmSyncConnection.find_all().count()


async def test_a_sync_needs_the_crm_connected(crm, admin):
    response = await crm.put(SETUP, json={"conflict_policy": "platform_wins"}, headers=admin)

    assert (response.status_code, response.json()["error"]["code"]) == (409, "not_connected")
    assert await stored_syncs() == 0


async def test_a_mapping_may_name_the_accounts_custom_fields(crm, admin, account_id):
    await create_connection("hubspot", account_id)
    await CustomField(
        account_id=account_id, key="plan", label="Plan", type=CustomFieldType.TEXT
    ).insert()
    field_map = {"first_name": "firstname", "custom.plan": "plan_tier"}

    response = await crm.put(
        SETUP, json={"field_map": field_map, "deletions": "mirror"}, headers=admin
    )

    assert response.status_code == 200, response.text
    stored = await CrmSyncConnection.find_one({"provider": "hubspot"})
    assert (stored.field_map, stored.deletions.value) == (field_map, "mirror")


async def test_a_mapping_naming_an_unknown_field_is_refused_and_nothing_stored(
    crm, admin, account_id
):
    await create_connection("hubspot", account_id)

    response = await crm.put(SETUP, json={"field_map": {"custom.nope": "nope"}}, headers=admin)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.field_map.custom.nope"
    assert await stored_syncs() == 0


async def test_the_import_runs_once_at_a_time(crm, admin, account_id):
    await create_connection("hubspot", account_id)
    await crm.put(SETUP, json={}, headers=admin)
    await crm.post(f"{SETUP}/import", headers=admin)

    again = await crm.post(f"{SETUP}/import", headers=admin)

    assert (again.status_code, again.json()["error"]["code"]) == (409, "crm_import_running")


async def test_only_the_queue_manager_runs_a_sync(crm, admin, account_id):
    await create_connection("hubspot", account_id)
    await crm.put(SETUP, json={}, headers=admin)

    response = await crm.post(sync_path("hubspot", account_id, "pull"), headers=admin)

    assert response.status_code == 401
