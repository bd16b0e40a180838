"""The send function in direct mode: provider refusals fail, failures and timeouts retry."""

import httpx
import pytest

from notifications.deliveries.sending import send_delivery
from notifications.providers.base import ProviderUnavailable
from tests.factories import create_account
from tests.notifications.factories import create_delivery, service_headers, settled
from tests.notifications.fake_providers import sendgrid_error, timeout, twilio_error

LEAD = {"lead_name": "Grace", "source": "ads", "lead_url": "https://x.test/1"}


async def send_email(client, account) -> str:
    answer = await client.post(
        "/v1/notifications/email",
        json={
            "to": "owner@example.com",
            "event": "new_lead",
            "data": LEAD,
            "account_id": str(account.id),
        },
        headers=service_headers(),
    )
    assert answer.status_code == 202, answer.text
    return answer.json()["id"]


async def test_a_4xx_fails_the_delivery_with_the_providers_message_at_once(
    notifications, fake_providers
):
    account = await create_account()
    fake_providers.queue(
        "sendgrid", sendgrid_error(400, "The from address does not match a verified Sender")
    )

    delivery = await settled(await send_email(notifications, account))

    assert delivery.status == "failed"
    assert delivery.reason == "400 The from address does not match a verified Sender"
    assert delivery.attempts == 1
    assert len(fake_providers.requests["sendgrid"]) == 1


async def test_a_5xx_is_retried_until_the_provider_accepts(notifications, fake_providers):
    account = await create_account()
    fake_providers.queue("sendgrid", sendgrid_error(503, "busy"), sendgrid_error(500, "oops"))

    delivery = await settled(await send_email(notifications, account))

    assert delivery.status == "sent"
    assert delivery.attempts == 3
    assert delivery.reason == ""
    assert len(fake_providers.requests["sendgrid"]) == 3


async def test_timeouts_are_retried_and_fail_the_delivery_once_the_tries_are_used_up(
    notifications, fake_providers
):
    account = await create_account()
    # The app allows 3 tries (tests.notifications.conftest).
    fake_providers.queue("sendgrid", timeout(), timeout(), timeout())

    delivery = await settled(await send_email(notifications, account))

    assert delivery.status == "failed"
    assert delivery.reason == "gave up after 3 tries: did not answer in time"
    assert len(fake_providers.requests["sendgrid"]) == 3


async def test_each_status_is_kept_in_the_history(notifications, fake_providers):
    account = await create_account()
    fake_providers.queue("twilio", twilio_error(400, 21610, "Attempt to send to unsubscribed"))
    answer = await notifications.post(
        "/v1/notifications/sms",
        json={
            "to": "+14155550100",
            "event": "new_lead",
            "data": LEAD,
            "account_id": str(account.id),
        },
        headers=service_headers(),
    )

    delivery = await settled(answer.json()["id"])

    assert [change.status for change in delivery.history] == ["queued", "failed"]
    assert delivery.history[-1].detail == "400 Attempt to send to unsubscribed (error 21610)"


async def test_a_delivery_no_longer_queued_is_not_sent_again(notifications, fake_providers):
    account = await create_account()
    delivery = await create_delivery(account, status="sent")

    await send_delivery(str(delivery.id), notifications.app.state.providers, max_attempts=3)

    assert fake_providers.requests["sendgrid"] == []


async def test_a_try_left_to_retry_keeps_the_delivery_queued_with_the_error(
    notifications, fake_providers
):
    account = await create_account()
    delivery = await create_delivery(account)
    fake_providers.queue("sendgrid", httpx.Response(502))

    with pytest.raises(ProviderUnavailable):
        await send_delivery(str(delivery.id), notifications.app.state.providers, max_attempts=3)

    await delivery.sync()
    assert (delivery.status, delivery.attempts, delivery.reason) == ("queued", 1, "502")
