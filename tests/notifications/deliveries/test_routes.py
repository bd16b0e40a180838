"""POST /v1/notifications/email|sms|push and the delivery log, with providers faked."""

from shared.models.notification_delivery import NotificationDelivery
from tests.factories import create_account, create_contact
from tests.notifications.conftest import FROM_ADDRESS
from tests.notifications.factories import (
    LEAD,
    create_account_user,
    create_delivery,
    create_preference,
    create_template,
    headers_for,
    service_headers,
    settled,
)


async def test_an_email_to_a_user_of_the_account_is_queued_then_sent_through_sendgrid(
    notifications, fake_providers
):
    account = await create_account(name="Acme Agency")
    colleague = await create_account_user(account, email="ada@example.com")

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"user_id": str(colleague.id), "event": "new_lead", "data": LEAD},
        headers=headers_for(account),
    )

    assert answer.status_code == 202, answer.text
    assert answer.json()["status"] == "queued"
    assert answer.json()["to"] == "ada@example.com"
    assert answer.json()["subject"] == "New lead: Grace Hopper"
    delivery = await settled(answer.json()["id"])
    assert (delivery.status, delivery.provider) == ("sent", "sendgrid")
    (sent,) = fake_providers.requests["sendgrid"]
    assert sent.json()["personalizations"] == [{"to": [{"email": "ada@example.com"}]}]
    # The fake answers X-Message-Id sg-<n>.
    assert delivery.provider_message_id.startswith("sg-")


async def test_the_email_comes_from_the_accounts_brand(notifications, fake_providers):
    account = await create_account(name="Acme Agency", branding={"name": "Acme"})
    colleague = await create_account_user(account)

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"user_id": str(colleague.id), "event": "new_lead", "data": LEAD},
        headers=headers_for(account),
    )

    await settled(answer.json()["id"])
    sent = fake_providers.requests["sendgrid"][0].json()
    assert sent["from"] == {"email": FROM_ADDRESS, "name": "Acme"}
    assert "Acme" in sent["content"][1]["value"]


async def test_an_sms_to_a_contact_is_sent_through_twilio_to_their_number(
    notifications, fake_providers
):
    account = await create_account(name="Acme")
    contact = await create_contact(account, phones=["+14155550100"])

    answer = await notifications.post(
        "/v1/notifications/sms",
        json={"contact_id": str(contact.id), "event": "new_lead", "data": LEAD},
        headers=headers_for(account),
    )

    delivery = await settled(answer.json()["id"])
    assert (delivery.status, delivery.provider) == ("sent", "twilio")
    assert (delivery.contact_id, delivery.to) == (str(contact.id), "+14155550100")
    sent = fake_providers.requests["twilio"][0].form()
    assert (sent["To"], sent["Body"]) == (
        "+14155550100",
        "Acme: new lead Grace Hopper from the website",
    )


async def test_a_push_goes_to_fcm_or_expo_by_its_token(notifications, fake_providers):
    account = await create_account()
    push = {"event": "new_lead", "data": LEAD, "account_id": str(account.id)}

    to_fcm = await notifications.post(
        "/v1/notifications/push", json={**push, "to": "fcm-token"}, headers=service_headers()
    )
    to_expo = await notifications.post(
        "/v1/notifications/push",
        json={**push, "to": "ExponentPushToken[abc]"},
        headers=service_headers(),
    )

    assert (await settled(to_fcm.json()["id"])).provider == "fcm"
    assert (await settled(to_expo.json()["id"])).provider == "expo"
    assert fake_providers.requests["fcm"][0].json()["message"]["data"]["lead_name"] == (
        "Grace Hopper"
    )


async def test_a_phone_number_not_in_e164_is_refused(notifications):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/sms",
        json={"to": "0612345678", "event": "new_lead", "data": LEAD, "account_id": str(account.id)},
        headers=service_headers(),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["details"][0]["field"] == "body.to"


async def test_a_send_missing_variables_names_each_one_and_stores_nothing(
    notifications, fake_providers
):
    account = await create_account()
    colleague = await create_account_user(account)

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"user_id": str(colleague.id), "event": "new_lead", "data": {"lead_name": "Grace"}},
        headers=headers_for(account),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "missing_variables"
    assert answer.json()["error"]["details"] == [
        {"field": "body.data.lead_url", "message": "required by the template"},
        {"field": "body.data.source", "message": "required by the template"},
    ]
    assert await NotificationDelivery.find({"account_id": account.id}).count() == 0
    assert fake_providers.requests == {}


async def test_an_event_without_a_template_answers_404(notifications):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/push",
        json={"to": "fcm-token", "event": "password_reset", "account_id": str(account.id)},
        headers=service_headers(),
    )

    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "template_not_found"


async def test_sending_needs_notifications_write(notifications):
    account = await create_account()
    colleague = await create_account_user(account)

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"user_id": str(colleague.id), "event": "new_lead", "data": LEAD},
        headers=headers_for(account, "notifications:read"),
    )

    assert answer.status_code == 403


async def test_a_service_sends_to_an_address_for_the_account_it_names(notifications):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/email",
        json={
            "to": "new@example.com",
            "event": "password_reset",
            "urgent": True,
            "account_id": str(account.id),
            "data": {"reset_url": "https://x.test/r/1", "expires_in_minutes": 30},
        },
        headers=service_headers("internal_api"),
    )

    assert answer.status_code == 202, answer.text
    assert answer.json()["requested_by"] == "internal_api"
    assert (await settled(answer.json()["id"])).status == "sent"


async def test_a_service_must_name_the_account(notifications):
    answer = await notifications.post(
        "/v1/notifications/email",
        json={"to": "new@example.com", "event": "new_lead", "data": LEAD},
        headers=service_headers(),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "account_required"
    assert answer.json()["error"]["details"][0]["field"] == "body.account_id"


async def test_a_user_cannot_send_for_another_account(notifications):
    account, other = await create_account(), await create_account()
    colleague = await create_account_user(other)

    answer = await notifications.post(
        "/v1/notifications/email",
        json={
            "user_id": str(colleague.id),
            "event": "new_lead",
            "data": LEAD,
            "account_id": str(other.id),
        },
        headers=headers_for(account),
    )

    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "not_your_account"


async def test_a_recipient_who_turned_the_channel_off_is_logged_suppressed_and_not_sent(
    notifications, fake_providers
):
    account = await create_account()
    colleague = await create_account_user(account)
    await create_preference(account, str(colleague.id), channels={"sms": False})

    answer = await notifications.post(
        "/v1/notifications/sms",
        json={
            "to": "+14155550100",
            "event": "new_lead",
            "data": LEAD,
            "user_id": str(colleague.id),
            "account_id": str(account.id),
        },
        headers=service_headers(),
    )

    assert answer.status_code == 202
    assert answer.json()["status"] == "suppressed"
    assert answer.json()["reason"] == "the recipient turned sms off"
    assert fake_providers.requests["twilio"] == []


async def test_a_notification_during_quiet_hours_is_deferred_until_they_end(
    notifications, fake_providers
):
    account = await create_account()
    colleague = await create_account_user(account)
    # Always quiet: from 00:00 to 23:59, so the test does not depend on the hour it runs.
    quiet = {"start": "00:00", "end": "23:59", "timezone": "UTC"}
    await create_preference(account, str(colleague.id), quiet_hours=quiet)

    answer = await notifications.post(
        "/v1/notifications/push",
        json={
            "to": "fcm-token",
            "event": "new_lead",
            "data": LEAD,
            "user_id": str(colleague.id),
            "account_id": str(account.id),
        },
        headers=service_headers(),
    )

    assert answer.json()["status"] == "deferred"
    assert answer.json()["send_after"].endswith("23:59:00Z")
    assert fake_providers.requests["fcm"] == []


async def test_marketing_email_carries_one_click_unsubscribe(notifications, fake_providers):
    account = await create_account()
    reader = await create_account_user(account)
    await create_template(account, html='{% extends "layout.html" %}', marketing=True)

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"user_id": str(reader.id), "event": "newsletter", "data": {"first_name": "Ada"}},
        headers=headers_for(account),
    )

    await settled(answer.json()["id"])
    sent = fake_providers.requests["sendgrid"][0].json()
    link = sent["headers"]["List-Unsubscribe"].strip("<>")
    assert link.startswith("https://app.platform.test/v1/notifications/unsubscribe/")
    assert sent["headers"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert f'<a href="{link}">Unsubscribe</a>' in sent["content"][1]["value"]


async def test_marketing_email_needs_the_recipients_user_id(notifications):
    account = await create_account()
    contact = await create_contact(account)
    await create_template(account, marketing=True)

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"contact_id": str(contact.id), "event": "newsletter", "data": {"first_name": "Ada"}},
        headers=headers_for(account),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["code"] == "marketing_needs_user"
    assert answer.json()["error"]["details"][0]["field"] == "body.user_id"


async def test_the_log_lists_the_accounts_deliveries_filtered_by_status(notifications):
    account, other = await create_account(), await create_account()
    await create_delivery(account, status="failed")
    await create_delivery(account, status="sent")
    await create_delivery(other, status="failed")

    answer = await notifications.get(
        "/v1/notifications/deliveries?status=failed", headers=headers_for(account)
    )

    assert answer.status_code == 200
    assert answer.json()["pagination"]["total"] == 1
    assert answer.json()["data"][0]["status"] == "failed"


async def test_another_accounts_delivery_answers_404(notifications):
    account, other = await create_account(), await create_account()
    delivery = await create_delivery(other)

    answer = await notifications.get(
        f"/v1/notifications/deliveries/{delivery.id}", headers=headers_for(account)
    )

    assert answer.status_code == 404
