"""GET /v1/notifications/outbox: what would have been sent, on a platform without keys."""

from tests.factories import create_account
from tests.notifications.factories import headers_for, service_headers, settled

LEAD = {"lead_name": "Grace", "source": "ads", "lead_url": "https://x.test/1"}


async def test_an_email_without_a_provider_lands_in_the_outbox(unconfigured, fake_providers):
    account = await create_account(name="Acme")

    answer = await unconfigured.post(
        "/v1/notifications/email",
        json={
            "to": "owner@example.com",
            "event": "new_lead",
            "data": LEAD,
            "account_id": str(account.id),
        },
        headers=service_headers(),
    )
    delivery = await settled(answer.json()["id"])
    outbox = await unconfigured.get("/v1/notifications/outbox", headers=headers_for(account))

    assert (delivery.status, delivery.provider) == ("sent", "outbox")
    (message,) = outbox.json()["data"]
    assert message["delivery_id"] == answer.json()["id"]
    assert (message["channel"], message["instead_of"]) == ("email", "sendgrid")
    assert message["to"] == "owner@example.com"
    assert message["subject"] == "New lead: Grace"
    assert "<strong>Grace</strong>" in message["html"]
    assert fake_providers.requests == {}


async def test_an_emails_attachments_land_with_it_and_the_log_names_them(unconfigured):
    account = await create_account()
    invite = {"filename": "invite.ics", "content_type": "text/calendar", "content": "QkVHSU4="}

    answer = await unconfigured.post(
        "/v1/notifications/email",
        json={
            "to": "owner@example.com",
            "event": "new_lead",
            "data": LEAD,
            "account_id": str(account.id),
            "attachments": [invite],
        },
        headers=service_headers(),
    )
    await settled(answer.json()["id"])
    outbox = await unconfigured.get("/v1/notifications/outbox", headers=headers_for(account))

    assert answer.json()["attachments"] == [
        {"filename": "invite.ics", "content_type": "text/calendar"}
    ]
    assert outbox.json()["data"][0]["attachments"] == [invite]


async def test_an_attachment_that_is_not_base64_is_refused(unconfigured):
    account = await create_account()
    invite = {"filename": "invite.ics", "content_type": "text/calendar", "content": "not base64!"}

    answer = await unconfigured.post(
        "/v1/notifications/email",
        json={
            "to": "owner@example.com",
            "event": "new_lead",
            "data": LEAD,
            "account_id": str(account.id),
            "attachments": [invite],
        },
        headers=service_headers(),
    )

    assert answer.status_code == 422
    assert answer.json()["error"]["details"][0]["field"] == "body.attachments.0.content"


async def test_sms_and_push_without_providers_land_in_the_outbox(unconfigured):
    account = await create_account()
    headers = headers_for(account)
    sms = await unconfigured.post(
        "/v1/notifications/sms",
        json={
            "to": "+14155550100",
            "event": "new_lead",
            "data": LEAD,
            "account_id": str(account.id),
        },
        headers=service_headers(),
    )
    push = await unconfigured.post(
        "/v1/notifications/push",
        json={
            "to": "ExponentPushToken[abc]",
            "event": "new_lead",
            "data": LEAD,
            "account_id": str(account.id),
        },
        headers=service_headers(),
    )
    await settled(sms.json()["id"])
    await settled(push.json()["id"])

    outbox = await unconfigured.get("/v1/notifications/outbox", headers=headers)

    assert [(m["channel"], m["instead_of"]) for m in outbox.json()["data"]] == [
        ("push", "expo"),
        ("sms", "twilio"),
    ]
    assert outbox.json()["data"][0]["data"]["lead_name"] == "Grace"


async def test_the_outbox_shows_the_accounts_own_messages(unconfigured):
    account, other = await create_account(), await create_account()
    answer = await unconfigured.post(
        "/v1/notifications/email",
        json={
            "to": "owner@example.com",
            "event": "new_lead",
            "data": LEAD,
            "account_id": str(other.id),
        },
        headers=service_headers(),
    )
    await settled(answer.json()["id"])

    outbox = await unconfigured.get("/v1/notifications/outbox", headers=headers_for(account))

    assert outbox.json()["data"] == []
