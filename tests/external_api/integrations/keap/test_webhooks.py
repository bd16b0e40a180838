"""Keap's REST hooks: the `X-Hook-Secret` handshake echoed only on the account's own URL,
events authenticated by the URL's token (good and bad), and the hooks made when the sync is
set up."""

import json

from external_api.integrations.hook_tokens import hook_token
from tests.external_api.conftest import headers_for
from tests.external_api.factories import create_connection, new_account_id
from tests.external_api.fakes import json_answer, json_of
from tests.external_api.fakes.keap import HOOKS_URL, WEBHOOK_KEY, event, hook
from tests.factories import create_account


def hook_path(account_id: str, token: str | None = None) -> str:
    token = token if token is not None else hook_token(WEBHOOK_KEY, "keap", account_id)
    return f"/v1/e/keap/webhooks/{account_id}/{token}"


async def test_the_handshake_on_the_accounts_url_echoes_the_hook_secret(crm_api, jobs):
    account_id = new_account_id()

    response = await crm_api.post(hook_path(account_id), headers={"x-hook-secret": "s3cr3t"})

    assert response.status_code == 200
    assert response.headers["x-hook-secret"] == "s3cr3t"
    assert jobs.sent == []


async def test_the_handshake_with_a_wrong_token_is_refused_without_the_echo(crm_api):
    response = await crm_api.post(
        hook_path(new_account_id(), "0" * 40), headers={"x-hook-secret": "s3cr3t"}
    )

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert "x-hook-secret" not in response.headers


async def test_an_event_on_the_accounts_url_queues_each_contact(crm_api, jobs):
    account_id = new_account_id()
    body = json.dumps(event("contact.delete", 7, 8))

    response = await crm_api.post(hook_path(account_id), content=body)

    assert response.json() == {"received": 2, "accepted": 2}
    changes = [kwargs["event"]["data"]["changes"] for _, kwargs, _ in jobs.sent]
    assert changes == [
        [{"external_id": "7", "deleted": True}],
        [{"external_id": "8", "deleted": True}],
    ]


async def test_an_event_with_another_accounts_token_is_refused(crm_api, jobs):
    token = hook_token(WEBHOOK_KEY, "keap", new_account_id())
    body = json.dumps(event("contact.edit", 7))

    response = await crm_api.post(hook_path(new_account_id(), token), content=body)

    assert response.status_code == 401
    assert jobs.sent == []


async def test_setting_the_sync_up_makes_one_hook_per_contact_event(crm_api, fake):
    account_id = str((await create_account()).id)
    await create_connection("keap", account_id)
    url = f"https://api.agency.test{hook_path(account_id)}"
    fake.on(
        "POST",
        HOOKS_URL,
        *(json_answer(hook(n, e, url)) for n, e in enumerate(["a", "b", "c"])),
    )

    response = await crm_api.put("/v1/e/crm-sync/keap", json={}, headers=headers_for(account_id))

    assert response.status_code == 200, response.text
    sent = [json_of(request) for request in fake.sent("POST", HOOKS_URL)]
    assert sent == [
        {"eventKey": name, "hookUrl": url}
        for name in ("contact.add", "contact.edit", "contact.delete")
    ]
