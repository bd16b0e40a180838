"""Mailchimp's audience webhooks, unsigned and form-encoded: authenticated by the account's
token in the URL (good and bad), Mailchimp's GET check of the URL, an unsubscribe queued once."""

from external_api.integrations.hook_tokens import hook_token
from tests.external_api.factories import new_account_id
from tests.external_api.fakes.mailchimp import LIST_ID, WEBHOOK_KEY, webhook_form

FORM = {"content-type": "application/x-www-form-urlencoded"}


def hook_path(account_id: str, token: str | None = None) -> str:
    token = token if token is not None else hook_token(WEBHOOK_KEY, "mailchimp", account_id)
    return f"/v1/e/mailchimp/webhooks/{account_id}/{token}"


async def test_an_unsubscribe_on_the_accounts_url_is_queued(crm_api, jobs):
    account_id = new_account_id()

    response = await crm_api.post(
        hook_path(account_id), content=webhook_form("unsubscribe", "Ada@Example.com"), headers=FORM
    )

    assert response.json() == {"received": 1, "accepted": 1}
    [(name, kwargs, task_id)] = jobs.sent
    assert (name, kwargs["provider"]) == ("integrations.process_webhook", "mailchimp")
    assert task_id == f"mailchimp:{kwargs['event']['id']}"
    assert kwargs["event"]["data"] == {
        "account_id": account_id,
        "list_id": LIST_ID,
        "email": "Ada@Example.com",
    }


async def test_the_same_unsubscribe_sent_twice_is_queued_once(crm_api, jobs):
    account_id = new_account_id()
    body = webhook_form("unsubscribe", "ada@example.com")

    await crm_api.post(hook_path(account_id), content=body, headers=FORM)
    response = await crm_api.post(hook_path(account_id), content=body, headers=FORM)

    assert response.json() == {"received": 1, "accepted": 0}
    assert len(jobs.sent) == 1


async def test_a_webhook_with_a_wrong_token_is_refused(crm_api, jobs):
    response = await crm_api.post(
        hook_path(new_account_id(), "f" * 40),
        content=webhook_form("unsubscribe", "ada@example.com"),
        headers=FORM,
    )

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "invalid_signature"
    assert jobs.sent == []


async def test_mailchimps_check_of_the_url_answers_200_with_the_accounts_token(crm_api):
    response = await crm_api.get(hook_path(new_account_id()))

    assert response.status_code == 200


async def test_mailchimps_check_of_a_url_with_a_wrong_token_is_refused(crm_api):
    response = await crm_api.get(hook_path(new_account_id(), "0" * 40))

    assert response.status_code == 401


async def test_events_other_than_unsubscribes_are_acknowledged_and_ignored(crm_api, jobs):
    response = await crm_api.post(
        hook_path(new_account_id()),
        content=webhook_form("profile", "ada@example.com"),
        headers=FORM,
    )

    assert response.json() == {"received": 0, "accepted": 0}
    assert jobs.sent == []
