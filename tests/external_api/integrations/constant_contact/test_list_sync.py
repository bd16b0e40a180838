"""A CRM tag synced to a Constant Contact list by the email-list engine: set up with no
webhook, then runs that look each address up, create a new one on the list, add a known one
as it is, leave one Constant Contact holds unsubscribed so (never subscribed again), unsubscribe
a contact opted out on the platform, change names, take leavers off the list; a 429 retried
after its Retry-After, an expired token refreshed first."""

from shared.domain.email_lists.repository import MemberRepository
from shared.models.email_list_sync import EmailListSync, MemberStatus
from tests.external_api.conftest import headers_for
from tests.external_api.factories import create_connection, expire
from tests.external_api.fakes import json_answer, json_of, query_of
from tests.external_api.fakes.constant_contact import (
    ADD_TO_LISTS_URL,
    CONTACTS_URL,
    LIST_ID,
    REMOVE_FROM_LISTS_URL,
    TOKEN_URL,
    TOO_MANY,
    activity,
    contact,
    contact_url,
    directory,
    token_answer,
)
from tests.external_api.integrations.reports.test_sync import from_service
from tests.factories import create_account, create_contact

SYNC = f"/v1/e/constant-contact/lists/{LIST_ID}/sync"
ADA = "ada@example.com"
KNOWN = contact("1618ae62-4752-11e9-9c8a-fa163e6b01c1", ADA)


async def synced_account(tag: str = "newsletter"):
    account = await create_account()
    credential = await create_connection("constant-contact", str(account.id), "cc-access")
    sync = await EmailListSync(
        account_id=account.id, provider="constant-contact", list_id=LIST_ID, tag=tag
    ).insert()
    return account, sync, credential


async def run(crm_api, sync, contact_id: str = ""):
    body = {"account_id": str(sync.account_id), "contact_id": contact_id}
    return await crm_api.post(
        f"/v1/e/constant-contact/audience-syncs/{sync.id}/run",
        json=body,
        headers=from_service("queue_manager"),
    )


async def test_setting_a_sync_up_stores_it_and_queues_a_whole_run(crm_api, fake, jobs):
    account = await create_account()
    account_id = str(account.id)
    await create_connection("constant-contact", account_id, "cc-access")

    response = await crm_api.put(SYNC, json={"tag": "newsletter"}, headers=headers_for(account_id))

    assert response.status_code == 200
    assert fake.requests == []  # no webhook to make: the unsubscribes are polled
    stored = await EmailListSync.find_one({"account_id": account.id})
    assert (stored.provider, stored.tag, stored.webhook_id) == (
        "constant-contact",
        "newsletter",
        "",
    )
    [(name, kwargs, _)] = jobs.sent
    assert (name, kwargs["provider"], kwargs["sync_id"]) == (
        "email_lists.sync",
        "constant-contact",
        str(stored.id),
    )


async def test_a_new_address_is_looked_up_then_created_on_the_list(crm_api, fake):
    account, sync, _ = await synced_account()
    await create_contact(account, emails=[ADA], last_name="Lovelace", tags=["newsletter"])
    fake.on("GET", CONTACTS_URL, directory())
    fake.on("POST", CONTACTS_URL, json_answer(contact("new-id", ADA), 201))

    response = await run(crm_api, sync)

    assert response.json()["subscribed"] == 1
    [lookup] = fake.sent("GET", CONTACTS_URL)
    assert lookup.headers["authorization"] == "Bearer cc-access"
    assert query_of(lookup) == {"email": ADA, "include": "list_memberships"}
    [created] = fake.sent("POST", CONTACTS_URL)
    assert json_of(created) == {
        "email_address": {"address": ADA, "permission_to_send": "implicit"},
        "first_name": "Grace",
        "last_name": "Lovelace",
        "create_source": "Account",
        "list_memberships": [LIST_ID],
    }
    member = (await MemberRepository(sync).by_email())[ADA]
    assert member.status is MemberStatus.SUBSCRIBED


async def test_a_known_address_is_added_to_the_list_as_it_is(crm_api, fake):
    account, sync, _ = await synced_account()
    await create_contact(account, emails=[ADA], tags=["newsletter"])
    fake.on("GET", CONTACTS_URL, directory(KNOWN))
    fake.on("POST", ADD_TO_LISTS_URL, json_answer(activity("add_contacts_to_lists"), 201))

    await run(crm_api, sync)

    [added] = fake.sent("POST", ADD_TO_LISTS_URL)
    assert json_of(added) == {
        "source": {"contact_ids": [KNOWN["contact_id"]]},
        "list_ids": [LIST_ID],
    }
    assert fake.sent("POST", CONTACTS_URL) == []
    member = (await MemberRepository(sync).by_email())[ADA]
    assert (member.status, member.fields_hash) == (MemberStatus.SUBSCRIBED, "")


async def test_an_address_unsubscribed_in_constant_contact_is_never_subscribed(crm_api, fake):
    account, sync, _ = await synced_account()
    await create_contact(account, emails=[ADA], tags=["newsletter"])
    fake.on("GET", CONTACTS_URL, directory(contact("u-1", ADA, permission="unsubscribed")))

    response = await run(crm_api, sync)

    assert response.json()["unsubscribed"] == 1
    assert [request.method for request in fake.requests] == ["GET"]
    member = (await MemberRepository(sync).by_email())[ADA]
    assert member.status is MemberStatus.UNSUBSCRIBED


async def test_a_contact_opted_out_on_the_platform_is_unsubscribed_in_constant_contact(
    crm_api, fake
):
    account, sync, _ = await synced_account()
    await create_contact(account, emails=[ADA], tags=["newsletter"], email_opt_out=True)
    fake.on("GET", CONTACTS_URL, directory(KNOWN))
    fake.on("PUT", contact_url(KNOWN["contact_id"]), json_answer(KNOWN))

    await run(crm_api, sync)

    [put] = fake.sent("PUT", contact_url(KNOWN["contact_id"]))
    body = json_of(put)
    assert body["email_address"]["permission_to_send"] == "unsubscribed"
    assert body["update_source"] == "Contact"
    # The PUT replaces the contact: every other property is sent back as it was.
    assert (body["job_title"], body["list_memberships"]) == ("Analyst", KNOWN["list_memberships"])
    assert "contact_id" not in body and "created_at" not in body
    member = (await MemberRepository(sync).by_email())[ADA]
    assert member.status is MemberStatus.UNSUBSCRIBED


async def test_a_known_members_new_name_is_put_keeping_its_consent(crm_api, fake):
    account, sync, _ = await synced_account()
    person = await create_contact(account, emails=[ADA], last_name="King", tags=["newsletter"])
    await MemberRepository(sync).keep(ADA, MemberStatus.SUBSCRIBED, "old-hash")
    fake.on("GET", CONTACTS_URL, directory(KNOWN))
    fake.on("PUT", contact_url(KNOWN["contact_id"]), json_answer(KNOWN))

    response = await run(crm_api, sync, str(person.id))

    assert response.json()["updated"] == 1
    body = json_of(fake.sent("PUT", contact_url(KNOWN["contact_id"]))[0])
    assert (body["first_name"], body["last_name"]) == ("Grace", "King")
    assert body["email_address"]["permission_to_send"] == "implicit"
    assert body["update_source"] == "Account"


async def test_a_contact_leaving_the_tag_is_taken_off_the_list(crm_api, fake):
    account, sync, _ = await synced_account()
    person = await create_contact(account, emails=[ADA], tags=["other"])
    await MemberRepository(sync).keep(ADA, MemberStatus.SUBSCRIBED, "hash")
    fake.on("GET", CONTACTS_URL, directory(KNOWN))
    fake.on("POST", REMOVE_FROM_LISTS_URL, json_answer(activity("remove_list_memberships"), 201))

    response = await run(crm_api, sync, str(person.id))

    assert response.json()["archived"] == 1
    [removed] = fake.sent("POST", REMOVE_FROM_LISTS_URL)
    assert json_of(removed) == {
        "source": {"contact_ids": [KNOWN["contact_id"]]},
        "list_ids": [LIST_ID],
    }
    assert await MemberRepository(sync).by_email() == {}


async def test_an_address_constant_contact_refuses_is_counted_and_not_kept(crm_api, fake):
    account, sync, _ = await synced_account()
    await create_contact(account, emails=[ADA], tags=["newsletter"])
    refusal = [{"error_key": "contacts.api.validation.error", "error_message": "Invalid email"}]
    fake.on("GET", CONTACTS_URL, directory())
    fake.on("POST", CONTACTS_URL, json_answer(refusal, 400))

    response = await run(crm_api, sync)

    assert response.json()["refused"] == 1
    assert await MemberRepository(sync).by_email() == {}


async def test_a_429_is_retried_after_the_wait_constant_contact_asks(crm_api, fake, waits):
    account, sync, _ = await synced_account()
    await create_contact(account, emails=[ADA], tags=["newsletter"])
    fake.on(
        "GET",
        CONTACTS_URL,
        json_answer(TOO_MANY, 429, headers={"retry-after": "4"}),
        directory(KNOWN),
    )
    fake.on("POST", ADD_TO_LISTS_URL, json_answer(activity("add_contacts_to_lists"), 201))

    response = await run(crm_api, sync)

    assert response.json()["subscribed"] == 1
    assert waits == [4.0]
    assert len(fake.sent("GET", CONTACTS_URL)) == 2


async def test_an_expired_token_is_refreshed_before_a_run(crm_api, fake):
    account, sync, credential = await synced_account()
    await expire(credential)
    await create_contact(account, emails=[ADA], tags=["newsletter"])
    fake.on("POST", TOKEN_URL, json_answer(token_answer("cc-new", "cc-refresh-2")))
    fake.on("GET", CONTACTS_URL, directory(KNOWN))
    fake.on("POST", ADD_TO_LISTS_URL, json_answer(activity("add_contacts_to_lists"), 201))

    await run(crm_api, sync)

    assert len(fake.sent("POST", TOKEN_URL)) == 1
    [added] = fake.sent("POST", ADD_TO_LISTS_URL)
    assert added.headers["authorization"] == "Bearer cc-new"


async def test_another_accounts_sync_answers_404(crm_api, fake):
    _, sync, _ = await synced_account()
    other = await create_account()
    await create_connection("constant-contact", str(other.id), "cc-other")

    response = await crm_api.post(
        f"/v1/e/constant-contact/audience-syncs/{sync.id}/run",
        json={"account_id": str(other.id), "contact_id": ""},
        headers=from_service("queue_manager"),
    )

    assert response.status_code == 404
    assert fake.requests == []
    assert (await EmailListSync.get(sync.id)).last_run_at is None
