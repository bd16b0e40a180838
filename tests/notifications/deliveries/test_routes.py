"""POST /v1/notifications/email|sms|push and the delivery log, with providers faked."""

from shared.models.notification_delivery import NotificationDelivery
from tests.factories import create_account
from tests.notifications.conftest import FROM_ADDRESS
from tests.notifications.factories import (
    create_delivery,
    create_preference,
    create_template,
    headers_for,
    service_headers,
    settled,
)

LEAD = {"lead_name": "Grace Hopper", "source": "the website", "lead_url": "https://x.test/l/1"}
USER_ID = "650000000000000000000099"


async def test_an_email_is_queued_then_sent_through_sendgrid(notifications, fake_providers):
    account = await create_account(name="Acme Agency")

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"to": "owner@example.com", "event": "new_lead", "data": LEAD},
        headers=headers_for(account),
    )

    assert answer.status_code == 202, answer.text
    assert answer.json()["status"] == "queued"
    assert answer.json()["subject"] == "New lead: Grace Hopper"
    delivery = await settled(answer.json()["id"])
    assert (delivery.status, delivery.provider) == ("sent", "sendgrid")
    (sent,) = fake_providers.requests["sendgrid"]
    assert sent.json()["personalizations"] == [{"to": [{"email": "owner@example.com"}]}]
    # The fake answers X-Message-Id sg-<n>.
    assert delivery.provider_message_id.startswith("sg-")


async def test_the_email_comes_from_the_accounts_brand(notifications, fake_providers):
    account = await create_account(name="Acme Agency", branding={"name": "Acme"})

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"to": "owner@example.com", "event": "new_lead", "data": LEAD},
        headers=headers_for(account),
    )

    await settled(answer.json()["id"])
    sent = fake_providers.requests["sendgrid"][0].json()
    assert sent["from"] == {"email": FROM_ADDRESS, "name": "Acme"}
    assert "Acme" in sent["content"][1]["value"]


async def test_an_sms_is_sent_through_twilio(notifications, fake_providers):
    account = await create_account(name="Acme")

    answer = await notifications.post(
        "/v1/notifications/sms",
        json={"to": "+14155550100", "event": "new_lead", "data": LEAD},
        headers=headers_for(account),
    )

    delivery = await settled(answer.json()["id"])
    assert (delivery.status, delivery.provider) == ("sent", "twilio")
    assert fake_providers.requests["twilio"][0].form()["Body"] == (
        "Acme: new lead Grace Hopper from the website"
    )


async def test_a_push_goes_to_fcm_or_expo_by_its_token(notifications, fake_providers):
    account = await create_account()
    headers = headers_for(account)
    push = {"event": "new_lead", "data": LEAD}

    to_fcm = await notifications.post(
        "/v1/notifications/push", json={**push, "to": "fcm-token"}, headers=headers
    )
    to_expo = await notifications.post(
        "/v1/notifications/push", json={**push, "to": "ExponentPushToken[abc]"}, headers=headers
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
        json={"to": "0612345678", "event": "new_lead", "data": LEAD},
        headers=headers_for(account),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["details"][0]["field"] == "body.to"


async def test_a_missing_template_variable_is_refused_and_nothing_is_stored(
    notifications, fake_providers
):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"to": "owner@example.com", "event": "new_lead", "data": {"lead_name": "Grace"}},
        headers=headers_for(account),
    )

    assert answer.status_code == 422
    assert await NotificationDelivery.find({"account_id": account.id}).count() == 0
    assert fake_providers.requests == {}


async def test_an_event_without_a_template_answers_404(notifications):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/push",
        json={"to": "fcm-token", "event": "password_reset"},
        headers=headers_for(account),
    )

    assert answer.status_code == 404


async def test_sending_needs_notifications_write(notifications):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"to": "owner@example.com", "event": "new_lead", "data": LEAD},
        headers=headers_for(account, "notifications:read"),
    )

    assert answer.status_code == 403


async def test_a_service_sends_for_the_account_it_names(notifications):
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
    assert answer.json()["error"]["details"][0]["field"] == "body.account_id"


async def test_a_user_cannot_send_for_another_account(notifications):
    account, other = await create_account(), await create_account()

    answer = await notifications.post(
        "/v1/notifications/email",
        json={
            "to": "x@example.com",
            "event": "new_lead",
            "data": LEAD,
            "account_id": str(other.id),
        },
        headers=headers_for(account),
    )

    assert answer.status_code == 403


async def test_a_recipient_who_turned_the_channel_off_is_logged_suppressed_and_not_sent(
    notifications, fake_providers
):
    account = await create_account()
    await create_preference(account, USER_ID, channels={"sms": False})

    answer = await notifications.post(
        "/v1/notifications/sms",
        json={"to": "+14155550100", "event": "new_lead", "data": LEAD, "user_id": USER_ID},
        headers=headers_for(account),
    )

    assert answer.status_code == 202
    assert answer.json()["status"] == "suppressed"
    assert answer.json()["reason"] == "the recipient turned sms off"
    assert fake_providers.requests["twilio"] == []


async def test_a_notification_during_quiet_hours_is_deferred_until_they_end(
    notifications, fake_providers
):
    account = await create_account()
    # Always quiet: from 00:00 to 23:59, so the test does not depend on the hour it runs.
    quiet = {"start": "00:00", "end": "23:59", "timezone": "UTC"}
    await create_preference(account, USER_ID, quiet_hours=quiet)

    answer = await notifications.post(
        "/v1/notifications/push",
        json={"to": "fcm-token", "event": "new_lead", "data": LEAD, "user_id": USER_ID},
        headers=headers_for(account),
    )

    assert answer.json()["status"] == "deferred"
    assert answer.json()["send_after"].endswith("23:59:00Z")
    assert fake_providers.requests["fcm"] == []


async def test_marketing_email_carries_one_click_unsubscribe(notifications, fake_providers):
    account = await create_account()
    await create_template(account, html='{% extends "layout.html" %}', marketing=True)

    answer = await notifications.post(
        "/v1/notifications/email",
        json={
            "to": "reader@example.com",
            "event": "newsletter",
            "data": {"first_name": "Ada"},
            "user_id": USER_ID,
        },
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
    await create_template(account, marketing=True)

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"to": "reader@example.com", "event": "newsletter", "data": {"first_name": "Ada"}},
        headers=headers_for(account),
    )

    assert answer.status_code == 422
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


async def test_a_template_variable_with_an_unusable_name_is_refused(notifications):
    account = await create_account()

    answer = await notifications.post(
        "/v1/notifications/email",
        json={"to": "owner@example.com", "event": "new_lead", "data": {**LEAD, "a.b": "x"}},
        headers=headers_for(account),
    )

    assert answer.status_code == 422
