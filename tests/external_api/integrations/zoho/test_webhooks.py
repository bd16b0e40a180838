"""Zoho CRM's notifications: the channel's echoed token authenticates them (good, another
account's, none), each accepted one queued once; the channel made when the sync is set up,
and renewed."""

import json

from external_api.integrations.hook_tokens import hook_token
from shared.utilities.task_names import INTEGRATIONS_PROCESS_WEBHOOK
from tests.external_api.conftest import headers_for
from tests.external_api.factories import create_connection, new_account_id
from tests.external_api.fakes import json_answer, json_of
from tests.external_api.fakes.zoho import API_DOMAIN, WATCH_URL, WATCHED, WEBHOOK_KEY, notification
from tests.factories import create_account


def notify(client, account_id: str, body: dict):
    return client.post(f"/v1/e/zoho/webhooks/{account_id}", content=json.dumps(body))


async def test_a_notification_with_the_accounts_token_is_queued_once(crm_api, jobs):
    account_id = new_account_id()
    body = notification(hook_token(WEBHOOK_KEY, "zoho", account_id), ["3652397000000436031"])

    first = await notify(crm_api, account_id, body)
    again = await notify(crm_api, account_id, body)

    assert first.json() == {"received": 1, "accepted": 1}
    assert again.json() == {"received": 1, "accepted": 0}
    [(name, kwargs, _)] = jobs.sent
    assert name == INTEGRATIONS_PROCESS_WEBHOOK.name
    assert kwargs["event"]["data"] == {
        "account_id": account_id,
        "changes": [{"external_id": "3652397000000436031", "deleted": False}],
    }


async def test_a_notification_with_another_accounts_token_is_refused(crm_api, jobs):
    account_id = new_account_id()
    body = notification(hook_token(WEBHOOK_KEY, "zoho", new_account_id()), ["1"])

    response = await notify(crm_api, account_id, body)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []


async def test_a_notification_without_a_token_is_refused(crm_api, jobs):
    body = {**notification("", ["1"]), "token": None}

    response = await notify(crm_api, new_account_id(), body)

    assert response.status_code == 401
    assert jobs.sent == []


async def test_the_watch_subscribes_the_accounts_channel_with_its_token(crm_api, fake):
    account_id = new_account_id()
    await create_connection("zoho", account_id, options={"api_domain": API_DOMAIN})
    fake.on("POST", WATCH_URL, json_answer(WATCHED))

    response = await crm_api.post("/v1/e/zoho/watch", headers=headers_for(account_id))

    assert response.status_code == 200, response.text
    [channel] = json_of(fake.sent("POST", WATCH_URL)[0])["watch"]
    assert channel["events"] == ["Contacts.all"]
    assert channel["token"] == hook_token(WEBHOOK_KEY, "zoho", account_id)
    assert channel["notify_url"] == f"https://api.agency.test/v1/e/zoho/webhooks/{account_id}"
    assert response.json()["channel_id"] == str(channel["channel_id"])


async def test_setting_the_sync_up_makes_the_channel_at_the_orgs_data_centre(crm_api, fake):
    account_id = str((await create_account()).id)
    await create_connection("zoho", account_id, options={"api_domain": API_DOMAIN})
    fake.on("POST", WATCH_URL, json_answer(WATCHED))

    response = await crm_api.put("/v1/e/crm-sync/zoho", json={}, headers=headers_for(account_id))

    assert response.status_code == 200, response.text
    [channel] = json_of(fake.sent("POST", WATCH_URL)[0])["watch"]
    assert channel["token"] == hook_token(WEBHOOK_KEY, "zoho", account_id)


async def test_a_bulk_deletion_is_queued_in_batches_of_a_hundred(crm_api, jobs):
    account_id = new_account_id()
    ids = [str(n) for n in range(150)]
    token = hook_token(WEBHOOK_KEY, "zoho", account_id)

    response = await notify(crm_api, account_id, notification(token, ids, "delete"))

    assert response.json() == {"received": 2, "accepted": 2}
    batches = [kwargs["event"]["data"]["changes"] for _, kwargs, _ in jobs.sent]
    assert [len(batch) for batch in batches] == [100, 50]
    assert all(change["deleted"] for batch in batches for change in batch)
