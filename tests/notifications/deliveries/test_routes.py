"""POST /v1/notifications/email|sms|push and the delivery log, in-process with faked providers."""

import asyncio

from shared.models.notification_delivery import NotificationDelivery
from tests.factories import create_account
from tests.notifications.factories import headers_for

LEAD = {"lead_name": "Grace Hopper", "source": "the website", "lead_url": "https://x.test/l/1"}


async def settled(delivery_id: str) -> NotificationDelivery:
    """The delivery once its background send has run."""
    for _ in range(200):
        delivery = await NotificationDelivery.get(delivery_id)
        if delivery.status != "queued":
            return delivery
        await asyncio.sleep(0.01)
    raise AssertionError("the delivery was never sent")


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
    assert delivery.status == "sent"
    assert delivery.provider == "sendgrid"
    assert delivery.provider_message_id.startswith("sg-")
    (sent,) = fake_providers.requests["sendgrid"]
    assert sent.json()["personalizations"] == [{"to": [{"email": "owner@example.com"}]}]
