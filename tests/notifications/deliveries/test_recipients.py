"""Nobody sends to strangers: users send to the account's own users and contacts, at the address
the platform holds; a free-form address is for services. A refusal stores and sends nothing."""

from shared.models.base import utc_now
from shared.models.notification_delivery import NotificationDelivery
from tests.factories import create_account, create_contact, create_sub_account
from tests.notifications.conftest import configured_settings
from tests.notifications.factories import create_account_user, headers_for, service_headers

LEAD = {"lead_name": "Grace", "source": "ads", "lead_url": "https://x.test/l/1"}


async def send(client, channel: str, headers: dict[str, str], **body):
    return await client.post(
        f"/v1/notifications/{channel}",
        json={"event": "new_lead", "data": LEAD, **body},
        headers=headers,
    )


async def nothing_sent(account, fake_providers) -> bool:
    stored = await NotificationDelivery.find({"account_id": account.id}).count()
    return stored == 0 and not any(fake_providers.requests.values())


async def test_a_user_may_not_send_to_an_address_of_their_own(notifications, fake_providers):
    account = await create_account()

    answer = await send(notifications, "email", headers_for(account), to="stranger@example.com")

    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "address_for_services"
    assert answer.json()["error"]["details"] == [{"field": "body.to", "message": "services only"}]
    assert await nothing_sent(account, fake_providers)


async def test_another_accounts_user_answers_404_and_nothing_is_sent(notifications, fake_providers):
    account, other = await create_account(), await create_account()
    stranger = await create_account_user(other)

    answer = await send(notifications, "email", headers_for(account), user_id=str(stranger.id))

    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "not_account_users"
    assert await nothing_sent(account, fake_providers)


async def test_a_user_id_that_is_no_users_answers_404(notifications, fake_providers):
    account = await create_account()

    answer = await send(notifications, "email", headers_for(account), user_id="not-an-id")

    assert answer.status_code == 404
    assert await nothing_sent(account, fake_providers)


async def test_an_agency_owner_acting_in_a_sub_account_is_one_of_its_users(notifications):
    agency = await create_account()
    client = await create_sub_account(agency)
    owner = await create_account_user(agency, role="owner", email="boss@example.com")

    answer = await send(notifications, "email", headers_for(client), user_id=str(owner.id))

    assert answer.status_code == 202, answer.text
    assert answer.json()["to"] == "boss@example.com"


async def test_another_accounts_contact_answers_404_and_nothing_is_sent(
    notifications, fake_providers
):
    account, other = await create_account(), await create_account()
    contact = await create_contact(other, phones=["+14155550100"])

    answer = await send(notifications, "sms", headers_for(account), contact_id=str(contact.id))

    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "contact_not_found"
    assert await nothing_sent(account, fake_providers)


async def test_a_deleted_contact_is_no_recipient(notifications, fake_providers):
    account = await create_account()
    contact = await create_contact(account, deleted_at=utc_now())

    answer = await send(notifications, "email", headers_for(account), contact_id=str(contact.id))

    assert answer.status_code == 404
    assert await nothing_sent(account, fake_providers)


async def test_an_email_to_a_contact_goes_to_their_first_address(notifications):
    account = await create_account()
    contact = await create_contact(account, emails=["grace@example.com", "g@example.com"])

    answer = await send(notifications, "email", headers_for(account), contact_id=str(contact.id))

    assert answer.status_code == 202, answer.text
    assert (answer.json()["to"], answer.json()["contact_id"]) == (
        "grace@example.com",
        str(contact.id),
    )


async def test_a_contact_without_a_phone_number_gets_no_sms(notifications, fake_providers):
    account = await create_account()
    contact = await create_contact(account, phones=[])

    answer = await send(notifications, "sms", headers_for(account), contact_id=str(contact.id))

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "no_address"
    assert answer.json()["error"]["details"][0]["field"] == "body.contact_id"
    assert await nothing_sent(account, fake_providers)


async def test_users_have_no_phone_number_to_text(notifications, fake_providers):
    account = await create_account()
    colleague = await create_account_user(account)

    answer = await send(notifications, "sms", headers_for(account), user_id=str(colleague.id))

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "no_address"
    assert await nothing_sent(account, fake_providers)


async def test_a_send_names_one_recipient(notifications, fake_providers):
    account = await create_account()
    colleague = await create_account_user(account)
    contact = await create_contact(account)

    both = await send(
        notifications,
        "email",
        headers_for(account),
        user_id=str(colleague.id),
        contact_id=str(contact.id),
    )
    neither = await send(notifications, "email", headers_for(account))

    assert (both.status_code, both.json()["error"]["code"]) == (422, "one_recipient")
    assert (neither.status_code, neither.json()["error"]["code"]) == (422, "one_recipient")
    assert await nothing_sent(account, fake_providers)


async def test_an_sms_to_a_country_off_the_allow_list_is_refused(notifications, fake_providers):
    account = await create_account()
    contact = await create_contact(account, phones=["+33612345678"])

    answer = await send(notifications, "sms", headers_for(account), contact_id=str(contact.id))

    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "sms_country_not_allowed"
    assert answer.json()["error"]["details"] == [
        {"field": "body.contact_id", "country": "FR", "allowed": ["US", "CA"]}
    ]
    assert await nothing_sent(account, fake_providers)


async def test_the_allow_list_holds_for_services_too(notifications, fake_providers):
    account = await create_account()

    answer = await send(
        notifications, "sms", service_headers(), to="+33612345678", account_id=str(account.id)
    )

    assert answer.status_code == 403
    assert answer.json()["error"]["details"][0]["field"] == "body.to"
    assert await nothing_sent(account, fake_providers)


async def test_a_country_put_on_the_allow_list_is_texted(start_notifications):
    account = await create_account()
    contact = await create_contact(account, phones=["+33612345678"])
    settings = configured_settings(sms_allowed_countries=["US", "FR"])

    async with start_notifications(settings) as client:
        answer = await send(client, "sms", headers_for(account), contact_id=str(contact.id))

    assert answer.status_code == 202, answer.text
