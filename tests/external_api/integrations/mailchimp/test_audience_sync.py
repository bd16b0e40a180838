"""A CRM tag synced to a Mailchimp audience: set up with the audience's webhook, then runs
that subscribe new members (leaving addresses Mailchimp holds as they are), update merge
fields, unsubscribe opted-out contacts, archive those who left the tag, and never subscribe
again a member who unsubscribed in Mailchimp."""

from hashlib import md5

from external_api.integrations.hook_tokens import hook_token
from shared.domain.email_lists.repository import MemberRepository
from shared.models.email_list_sync import EmailListSync, MemberStatus
from tests.external_api.conftest import PUBLIC, headers_for
from tests.external_api.fakes import json_answer, json_of
from tests.external_api.fakes.mailchimp import (
    LIST_ID,
    LIST_URL,
    WEBHOOK,
    WEBHOOK_KEY,
    WEBHOOKS_URL,
    batch_answer,
    member_url,
    problem,
)
from tests.external_api.integrations.mailchimp.conftest import connect
from tests.external_api.integrations.reports.test_sync import from_service
from tests.factories import create_account, create_contact

SYNC = f"/v1/e/mailchimp/audiences/{LIST_ID}/sync"


def hashed(email: str) -> str:
    return md5(email.encode(), usedforsecurity=False).hexdigest()


async def synced_account(tag: str = "newsletter"):
    account = await create_account()
    await connect(str(account.id))
    sync = await EmailListSync(
        account_id=account.id,
        provider="mailchimp",
        list_id=LIST_ID,
        tag=tag,
        webhook_id="a8f5f167f4",
    ).insert()
    return account, sync


async def run(crm_api, sync, contact_id: str = ""):
    body = {"account_id": str(sync.account_id), "contact_id": contact_id}
    return await crm_api.post(
        f"/v1/e/mailchimp/audience-syncs/{sync.id}/run",
        json=body,
        headers=from_service("queue_manager"),
    )


async def test_setting_a_sync_up_makes_the_audiences_webhook_without_the_apis_changes(
    crm_api, fake, jobs
):
    account = await create_account()
    account_id = str(account.id)
    await connect(account_id)
    fake.on("POST", WEBHOOKS_URL, json_answer(WEBHOOK))

    response = await crm_api.put(SYNC, json={"tag": "newsletter"}, headers=headers_for(account_id))

    assert response.status_code == 200
    [sent] = fake.sent("POST", WEBHOOKS_URL)
    assert sent.headers["authorization"].startswith("Bearer ")
    token = hook_token(WEBHOOK_KEY, "mailchimp", account_id)
    assert json_of(sent) == {
        "url": f"{PUBLIC}/v1/e/mailchimp/webhooks/{account_id}/{token}",
        "events": {
            "subscribe": False,
            "unsubscribe": True,
            "profile": False,
            "cleaned": True,
            "upemail": False,
            "campaign": False,
        },
        "sources": {"user": True, "admin": True, "api": False},
    }
    stored = await EmailListSync.find_one({"account_id": account.id})
    assert (stored.tag, stored.webhook_id) == ("newsletter", "a8f5f167f4")
    [(name, kwargs, _)] = jobs.sent
    assert name == "email_lists.sync"
    assert kwargs == {
        "account_id": account_id,
        "provider": "mailchimp",
        "sync_id": str(stored.id),
        "contact_id": "",
    }


async def test_a_run_subscribes_the_tags_new_contacts_without_updating_existing_members(
    crm_api, fake
):
    account, sync = await synced_account()
    await create_contact(
        account, emails=["ada@example.com"], last_name="Lovelace", tags=["newsletter"]
    )
    await create_contact(account, emails=["bob@example.com"], tags=["other"])
    fake.on("POST", LIST_URL, json_answer(batch_answer(["ada@example.com"])))

    response = await run(crm_api, sync)

    assert response.json()["subscribed"] == 1
    [sent] = fake.sent("POST", LIST_URL)
    assert json_of(sent) == {
        "members": [
            {
                "email_address": "ada@example.com",
                "status": "subscribed",
                "merge_fields": {"FNAME": "Grace", "LNAME": "Lovelace"},
            }
        ],
        "update_existing": False,
    }
    members = await MemberRepository(sync).by_email()
    assert members["ada@example.com"].status is MemberStatus.SUBSCRIBED


async def test_a_contact_opted_out_on_the_platform_is_unsubscribed_in_mailchimp(crm_api, fake):
    account, sync = await synced_account()
    await create_contact(
        account, emails=["ada@example.com"], tags=["newsletter"], email_opt_out=True
    )
    fake.on("POST", LIST_URL, json_answer(batch_answer([])))

    await run(crm_api, sync)

    [sent] = fake.sent("POST", LIST_URL)
    body = json_of(sent)
    assert body["update_existing"] is True
    assert body["members"][0]["status"] == "unsubscribed"
    members = await MemberRepository(sync).by_email()
    assert members["ada@example.com"].status is MemberStatus.UNSUBSCRIBED


async def test_a_known_members_new_name_updates_its_merge_fields_only(crm_api, fake):
    account, sync = await synced_account()
    contact = await create_contact(account, emails=["ada@example.com"], tags=["newsletter"])
    await MemberRepository(sync).keep("ada@example.com", MemberStatus.SUBSCRIBED, "old-hash")
    fake.on("PATCH", member_url(hashed("ada@example.com")), json_answer({"id": "x"}))

    response = await run(crm_api, sync, str(contact.id))

    assert response.json()["updated"] == 1
    [sent] = fake.requests
    assert json_of(sent) == {"merge_fields": {"FNAME": "Grace", "LNAME": ""}}


async def test_a_member_unsubscribed_in_mailchimp_is_never_subscribed_again(crm_api, fake):
    account, sync = await synced_account()
    contact = await create_contact(account, emails=["ada@example.com"], tags=["newsletter"])
    await MemberRepository(sync).keep("ada@example.com", MemberStatus.UNSUBSCRIBED, "old-hash")

    response = await run(crm_api, sync, str(contact.id))

    assert response.json() == {
        "subscribed": 0,
        "updated": 0,
        "unsubscribed": 0,
        "archived": 0,
        "refused": 0,
    }
    assert fake.requests == []


async def test_a_contact_leaving_the_tag_is_archived_from_the_audience(crm_api, fake):
    account, sync = await synced_account()
    contact = await create_contact(account, emails=["ada@example.com"], tags=["other"])
    await MemberRepository(sync).keep("ada@example.com", MemberStatus.SUBSCRIBED, "hash")
    fake.on("DELETE", member_url(hashed("ada@example.com")), json_answer(None, 204))

    response = await run(crm_api, sync, str(contact.id))

    assert response.json()["archived"] == 1
    assert len(fake.sent("DELETE", member_url(hashed("ada@example.com")))) == 1
    assert await MemberRepository(sync).by_email() == {}


async def test_an_address_mailchimp_refuses_is_counted_and_not_kept(crm_api, fake):
    account, sync = await synced_account()
    await create_contact(account, emails=["ada@example.com"], tags=["newsletter"])
    fake.on("POST", LIST_URL, json_answer(batch_answer([], [("ada@example.com", "ERROR_GENERIC")])))

    response = await run(crm_api, sync)

    assert response.json()["refused"] == 1
    assert await MemberRepository(sync).by_email() == {}


async def test_a_429_is_retried_after_the_wait_mailchimp_asks(crm_api, fake, waits):
    account, sync = await synced_account()
    await create_contact(account, emails=["ada@example.com"], tags=["newsletter"])
    busy = problem(429, "Too Many Requests", "You have exceeded the limit of 10 connections")
    fake.on(
        "POST",
        LIST_URL,
        json_answer(busy, 429, headers={"retry-after": "7"}),
        json_answer(batch_answer(["ada@example.com"])),
    )

    response = await run(crm_api, sync)

    assert response.json()["subscribed"] == 1
    assert waits == [7.0]
    assert len(fake.sent("POST", LIST_URL)) == 2


async def test_another_accounts_audience_answers_404_and_queues_nothing(crm_api, jobs):
    await synced_account()
    other = await create_account()

    response = await crm_api.post(f"{SYNC}/run", headers=headers_for(str(other.id)))

    assert response.status_code == 404
    assert jobs.sent == []


async def test_a_run_is_the_queue_managers_only(crm_api, fake):
    account, sync = await synced_account()

    response = await crm_api.post(
        f"/v1/e/mailchimp/audience-syncs/{sync.id}/run",
        json={"account_id": str(account.id)},
        headers=headers_for(str(account.id)),
    )

    assert response.status_code == 401
    assert fake.requests == []
    assert (await EmailListSync.get(sync.id)).last_run_at is None
