"""SendGrid v3 Mail Send: the request sent, and each kind of answer."""

import httpx
import pytest

from notifications.providers.base import (
    Attachment,
    EmailMessage,
    ProviderRejected,
    ProviderUnavailable,
    Reference,
)
from notifications.providers.sendgrid import SendGridEmail
from tests.notifications.conftest import FROM_ADDRESS, SENDGRID_KEY
from tests.notifications.fake_providers import SENDGRID_URL, sendgrid_error, timeout

REFERENCE = Reference(account_id="acc-1", delivery_id="del-1")


def email(**overrides) -> EmailMessage:
    fields = {
        "reference": REFERENCE,
        "to": "grace@example.com",
        "subject": "Hello",
        "text": "Hello Grace",
        "html": "<p>Hello Grace</p>",
        "from_name": "Acme",
    }
    return EmailMessage(**{**fields, **overrides})


@pytest.fixture
async def sendgrid(fake_providers):
    async with httpx.AsyncClient(transport=fake_providers.transport()) as client:
        yield SendGridEmail(client, SENDGRID_URL, SENDGRID_KEY, FROM_ADDRESS)


async def test_a_send_posts_the_documented_mail_send_body_with_the_bearer_key(
    sendgrid, fake_providers
):
    await sendgrid.send(email(headers={"List-Unsubscribe": "<https://u.test/x>"}))

    (sent,) = fake_providers.requests["sendgrid"]
    assert (sent.method, sent.url) == ("POST", f"{SENDGRID_URL}/v3/mail/send")
    assert sent.headers["authorization"] == f"Bearer {SENDGRID_KEY}"
    assert sent.headers["content-type"] == "application/json"
    assert sent.json() == {
        "personalizations": [{"to": [{"email": "grace@example.com"}]}],
        "from": {"email": FROM_ADDRESS, "name": "Acme"},
        "subject": "Hello",
        "content": [
            {"type": "text/plain", "value": "Hello Grace"},
            {"type": "text/html", "value": "<p>Hello Grace</p>"},
        ],
        "custom_args": {"account_id": "acc-1", "delivery_id": "del-1"},
        "headers": {"List-Unsubscribe": "<https://u.test/x>"},
    }


async def test_attachments_are_sent_as_sendgrid_documents_them(sendgrid, fake_providers):
    invite = Attachment("invite.ics", "text/calendar; method=REQUEST", "QkVHSU46VkNBTEVOREFS")

    await sendgrid.send(email(attachments=(invite,)))

    assert fake_providers.requests["sendgrid"][0].json()["attachments"] == [
        {
            "content": "QkVHSU46VkNBTEVOREFS",
            "type": "text/calendar; method=REQUEST",
            "filename": "invite.ics",
            "disposition": "attachment",
        }
    ]


async def test_a_text_only_email_sends_one_plain_part(sendgrid, fake_providers):
    await sendgrid.send(email(html=""))

    assert fake_providers.requests["sendgrid"][0].json()["content"] == [
        {"type": "text/plain", "value": "Hello Grace"}
    ]


async def test_the_receipt_carries_the_x_message_id_header(sendgrid, fake_providers):
    fake_providers.queue("sendgrid", httpx.Response(202, headers={"X-Message-Id": "abc123"}))

    receipt = await sendgrid.send(email())

    assert (receipt.provider, receipt.message_id) == ("sendgrid", "abc123")


async def test_a_4xx_is_rejected_with_sendgrids_message(sendgrid, fake_providers):
    fake_providers.queue(
        "sendgrid",
        sendgrid_error(400, "Does not contain a valid address.", "personalizations.0.to.0.email"),
    )

    with pytest.raises(ProviderRejected) as raised:
        await sendgrid.send(email())

    assert raised.value.message == (
        "400 personalizations.0.to.0.email: Does not contain a valid address."
    )


async def test_a_401_bad_key_is_rejected(sendgrid, fake_providers):
    fake_providers.queue(
        "sendgrid", sendgrid_error(401, "The provided authorization grant is invalid")
    )

    with pytest.raises(ProviderRejected, match="authorization grant is invalid"):
        await sendgrid.send(email())


@pytest.mark.parametrize("status", [429, 500, 503])
async def test_a_busy_or_failing_sendgrid_is_unavailable(sendgrid, fake_providers, status):
    fake_providers.queue("sendgrid", sendgrid_error(status, "try later"))

    with pytest.raises(ProviderUnavailable, match=f"{status} try later"):
        await sendgrid.send(email())


async def test_a_timeout_is_unavailable(sendgrid, fake_providers):
    fake_providers.queue("sendgrid", timeout())

    with pytest.raises(ProviderUnavailable, match="did not answer in time"):
        await sendgrid.send(email())
