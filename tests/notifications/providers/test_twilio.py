"""Twilio Messages: the form sent with basic auth, and each kind of answer."""

import base64

import httpx
import pytest

from notifications.providers.base import (
    ProviderRejected,
    ProviderUnavailable,
    Reference,
    SmsMessage,
)
from notifications.providers.twilio import TwilioSms
from tests.notifications.conftest import FROM_NUMBER, TWILIO_SID, TWILIO_TOKEN
from tests.notifications.fake_providers import TWILIO_URL, timeout, twilio_error

CALLBACK = "https://app.platform.test/v1/notifications/webhooks/twilio"
SMS = SmsMessage(reference=Reference("acc-1", "del-1"), to="+14155550100", text="Hi there")


@pytest.fixture
async def twilio(fake_providers):
    async with httpx.AsyncClient(transport=fake_providers.transport()) as client:
        yield TwilioSms(client, TWILIO_URL, TWILIO_SID, TWILIO_TOKEN, FROM_NUMBER, CALLBACK)


async def test_a_send_posts_the_form_to_the_accounts_messages_with_basic_auth(
    twilio, fake_providers
):
    await twilio.send(SMS)

    (sent,) = fake_providers.requests["twilio"]
    assert (sent.method, sent.url) == (
        "POST",
        f"{TWILIO_URL}/2010-04-01/Accounts/{TWILIO_SID}/Messages.json",
    )
    credentials = base64.b64encode(f"{TWILIO_SID}:{TWILIO_TOKEN}".encode()).decode()
    assert sent.headers["authorization"] == f"Basic {credentials}"
    assert sent.headers["content-type"] == "application/x-www-form-urlencoded"
    assert sent.form() == {
        "To": "+14155550100",
        "From": FROM_NUMBER,
        "Body": "Hi there",
        "StatusCallback": CALLBACK,
    }


async def test_the_receipt_carries_the_message_sid(twilio):
    receipt = await twilio.send(SMS)

    assert receipt.provider == "twilio"
    assert receipt.message_id.startswith("SM")


async def test_a_4xx_is_rejected_with_twilios_message_and_code(twilio, fake_providers):
    fake_providers.queue(
        "twilio", twilio_error(400, 21211, "The 'To' number +1415 is not a valid phone number.")
    )

    with pytest.raises(ProviderRejected) as raised:
        await twilio.send(SMS)

    assert raised.value.message == (
        "400 The 'To' number +1415 is not a valid phone number. (error 21211)"
    )


@pytest.mark.parametrize("status", [429, 500, 503])
async def test_a_busy_or_failing_twilio_is_unavailable(twilio, fake_providers, status):
    fake_providers.queue("twilio", twilio_error(status, 20500, "Internal Server Error"))

    with pytest.raises(ProviderUnavailable, match=str(status)):
        await twilio.send(SMS)


async def test_a_timeout_is_unavailable(twilio, fake_providers):
    fake_providers.queue("twilio", timeout())

    with pytest.raises(ProviderUnavailable):
        await twilio.send(SMS)
