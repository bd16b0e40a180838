"""Constant Contact's unsubscribes polled (it sends no unsubscribe webhook): the contacts
unsubscribed since the list's last poll, page by page; a subscribed member among them kept
unsubscribed and the account's contacts holding its address opted out; the next poll starts
from when this one did."""

from datetime import UTC, datetime

from shared.domain.email_lists.repository import MemberRepository
from shared.models.contact import Contact
from shared.models.email_list_sync import EmailListSync, MemberStatus
from tests.external_api.factories import create_connection
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.constant_contact import CONTACTS_URL, LIST_ID, contact, contacts_page
from tests.external_api.integrations.reports.test_sync import from_service
from tests.factories import create_account, create_contact

ADA = "ada@example.com"
LAST_POLL = datetime(2024, 3, 1, 8, 0, tzinfo=UTC)


async def synced_account():
    account = await create_account()
    await create_connection("constant-contact", str(account.id), "cc-access")
    sync = await EmailListSync(
        account_id=account.id,
        provider="constant-contact",
        list_id=LIST_ID,
        tag="newsletter",
        polled_at=LAST_POLL,
    ).insert()
    return account, sync


async def poll(crm_api, sync):
    return await crm_api.post(
        f"/v1/e/constant-contact/audience-syncs/{sync.id}/poll",
        json={"account_id": str(sync.account_id)},
        headers=from_service("queue_manager"),
    )


async def test_the_unsubscribes_since_the_last_poll_are_asked_page_by_page(crm_api, fake):
    _, sync = await synced_account()
    fake.on(
        "GET",
        CONTACTS_URL,
        json_answer(contacts_page([contact("c-1", "x@example.com", "unsubscribed")], "Y3Vy")),
        json_answer(contacts_page([])),
    )

    response = await poll(crm_api, sync)

    assert response.status_code == 200
    first, second = (query_of(sent) for sent in fake.sent("GET", CONTACTS_URL))
    assert first == {
        "status": "unsubscribed",
        "updated_after": "2024-03-01T08:00:00Z",
        "limit": "500",
    }
    assert second == {"cursor": "Y3Vy"}


async def test_an_unsubscribed_member_opts_the_accounts_contacts_out(crm_api, fake):
    account, sync = await synced_account()
    person = await create_contact(account, emails=[ADA], tags=["newsletter"])
    await MemberRepository(sync).keep(ADA, MemberStatus.SUBSCRIBED, "hash")
    unsubscribed = contact("c-1", "Ada@Example.com", "unsubscribed")
    fake.on("GET", CONTACTS_URL, json_answer(contacts_page([unsubscribed])))

    response = await poll(crm_api, sync)

    assert response.json() == {"unsubscribed": 1, "opted_out": 1}
    assert (await Contact.get(person.id)).email_opt_out is True
    member = (await MemberRepository(sync).by_email())[ADA]
    assert member.status is MemberStatus.UNSUBSCRIBED


async def test_an_address_the_list_does_not_hold_changes_nothing(crm_api, fake):
    account, sync = await synced_account()
    person = await create_contact(account, emails=[ADA])
    fake.on("GET", CONTACTS_URL, json_answer(contacts_page([contact("c-1", ADA, "unsubscribed")])))

    response = await poll(crm_api, sync)

    assert response.json() == {"unsubscribed": 0, "opted_out": 0}
    assert (await Contact.get(person.id)).email_opt_out is False
    assert await MemberRepository(sync).by_email() == {}


async def test_the_next_poll_starts_from_when_this_one_did(crm_api, fake):
    _, sync = await synced_account()
    fake.on("GET", CONTACTS_URL, json_answer(contacts_page([])))
    await poll(crm_api, sync)
    polled_at = (await EmailListSync.get(sync.id)).polled_at

    await poll(crm_api, sync)

    _, second = fake.sent("GET", CONTACTS_URL)
    assert polled_at > LAST_POLL
    assert query_of(second)["updated_after"] == polled_at.strftime("%Y-%m-%dT%H:%M:%SZ")
