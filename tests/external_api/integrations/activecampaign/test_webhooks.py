"""ActiveCampaign's webhooks, unsigned and form-encoded: authenticated by the account's
token in the URL (good and bad), and subscribed when the sync is set up, without the API's own
changes (no echo)."""

from external_api.integrations.hook_tokens import hook_token
from tests.external_api.conftest import headers_for
from tests.external_api.factories import new_account_id
from tests.external_api.fakes import json_answer, json_of
from tests.external_api.fakes.activecampaign import (
    API_KEY,
    API_URL,
    WEBHOOK_KEY,
    WEBHOOKS_URL,
    webhook_form,
)
from tests.external_api.integrations.connections import create_key_connection
from tests.factories import create_account

FORM = {"content-type": "application/x-www-form-urlencoded"}


def hook_path(account_id: str, token: str | None = None) -> str:
    token = token if token is not None else hook_token(WEBHOOK_KEY, "activecampaign", account_id)
    return f"/v1/e/activecampaign/webhooks/{account_id}/{token}"


async def test_an_update_on_the_accounts_url_is_queued(crm_api, jobs):
    account_id = new_account_id()

    response = await crm_api.post(
        hook_path(account_id), content=webhook_form("update", "42"), headers=FORM
    )

    assert response.json() == {"received": 1, "accepted": 1}
    [(_, kwargs, _)] = jobs.sent
    assert kwargs["event"]["data"] == {
        "account_id": account_id,
        "changes": [{"external_id": "42"}],
    }


async def test_a_webhook_with_a_wrong_token_is_refused(crm_api, jobs):
    response = await crm_api.post(
        hook_path(new_account_id(), "f" * 40), content=webhook_form("update", "42"), headers=FORM
    )

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []


async def test_setting_the_sync_up_subscribes_without_the_apis_own_changes(crm_api, fake):
    account_id = str((await create_account()).id)
    await create_key_connection("activecampaign", account_id, API_KEY, api_url=API_URL)
    fake.on("POST", WEBHOOKS_URL, json_answer({"webhook": {"id": "9", "name": "x"}}))

    response = await crm_api.put(
        "/v1/e/crm-sync/activecampaign", json={}, headers=headers_for(account_id)
    )

    assert response.status_code == 200, response.text
    webhook = json_of(fake.sent("POST", WEBHOOKS_URL)[0])["webhook"]
    assert webhook["url"] == f"https://api.agency.test{hook_path(account_id)}"
    assert "api" not in webhook["sources"]
    assert webhook["events"] == ["subscribe", "update", "unsubscribe"]
