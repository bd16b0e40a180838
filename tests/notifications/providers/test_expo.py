"""Expo push: the request sent, tickets ok and in error, and failures; receipts asked for by
ticket id, read in Expo's shape."""

from datetime import timedelta

import httpx
import pytest

from notifications.providers.base import (
    ProviderRejected,
    ProviderUnavailable,
    PushMessage,
    Reference,
    TokenInvalid,
)
from notifications.providers.expo import ExpoPush, ExpoReceipts, PushReceipt, is_expo_token
from shared.models.base import utc_now
from tests.notifications.fake_providers import (
    EXPO_RECEIPTS_URL,
    EXPO_URL,
    expo_device_not_registered,
    expo_receipt_device_not_registered,
    expo_receipt_error,
    expo_receipt_ok,
    expo_ticket_error,
    timeout,
)

TOKEN = "ExponentPushToken[xxxxxxxxxxxxxxxxxxxxxx]"
PUSH = PushMessage(
    reference=Reference("acc-1", "del-1"), to=TOKEN, title="Hi", text="Body", data={"k": "v"}
)


RECEIPT_DELAY = timedelta(minutes=15)


@pytest.fixture
async def client(fake_providers):
    async with httpx.AsyncClient(transport=fake_providers.transport()) as client:
        yield client


@pytest.fixture
def expo_with(client):
    """`expo_with(access_token)`: the client, with or without an access token."""
    return lambda access_token="": ExpoPush(client, EXPO_URL, access_token, RECEIPT_DELAY)


@pytest.fixture
def receipts_with(client):
    """`receipts_with(access_token)`: the receipts' client, with or without an access token."""
    return lambda access_token="": ExpoReceipts(client, EXPO_URL, access_token)


async def test_a_send_posts_the_documented_message_to_the_push_endpoint(expo_with, fake_providers):
    await expo_with().send(PUSH)

    (sent,) = fake_providers.requests["expo"]
    assert (sent.method, sent.url) == ("POST", f"{EXPO_URL}/--/api/v2/push/send")
    assert sent.headers["accept"] == "application/json"
    assert "authorization" not in sent.headers
    assert sent.json() == {"to": TOKEN, "title": "Hi", "body": "Body", "data": {"k": "v"}}


async def test_the_access_token_is_sent_when_configured(expo_with, fake_providers):
    await expo_with("expo-secret").send(PUSH)

    assert fake_providers.requests["expo"][0].headers["authorization"] == "Bearer expo-secret"


async def test_the_receipt_carries_the_tickets_id(expo_with, fake_providers):
    fake_providers.queue("expo", httpx.Response(200, json={"data": {"status": "ok", "id": "T-1"}}))

    receipt = await expo_with().send(PUSH)

    assert (receipt.provider, receipt.message_id) == ("expo", "T-1")


async def test_a_ticket_says_its_receipt_is_due_after_the_delay(expo_with):
    before = utc_now()

    receipt = await expo_with().send(PUSH)

    assert before + RECEIPT_DELAY <= receipt.receipt_due_at <= utc_now() + RECEIPT_DELAY


async def test_an_error_ticket_is_rejected_with_expos_message(expo_with, fake_providers):
    fake_providers.queue(
        "expo", expo_ticket_error("Message too big: 4100 bytes, 4096 allowed", "MessageTooBig")
    )

    with pytest.raises(ProviderRejected) as raised:
        await expo_with().send(PUSH)

    assert raised.value.message == "Message too big: 4100 bytes, 4096 allowed (MessageTooBig)"
    assert not isinstance(raised.value, TokenInvalid)


async def test_a_device_not_registered_ticket_reports_the_token_dead(expo_with, fake_providers):
    fake_providers.queue("expo", expo_device_not_registered(TOKEN))

    with pytest.raises(TokenInvalid) as raised:
        await expo_with().send(PUSH)

    assert raised.value.message == (
        f'"{TOKEN}" is not a registered push notification recipient (DeviceNotRegistered)'
    )


async def test_a_rate_exceeded_ticket_is_unavailable(expo_with, fake_providers):
    fake_providers.queue("expo", expo_ticket_error("Too many", "MessageRateExceeded"))

    with pytest.raises(ProviderUnavailable):
        await expo_with().send(PUSH)


async def test_a_refused_request_is_rejected_with_expos_errors(expo_with, fake_providers):
    fake_providers.queue(
        "expo",
        httpx.Response(
            400, json={"errors": [{"code": "VALIDATION_ERROR", "message": '"to" is required'}]}
        ),
    )

    with pytest.raises(ProviderRejected, match='VALIDATION_ERROR: "to" is required'):
        await expo_with().send(PUSH)


async def test_a_failing_expo_or_a_timeout_is_unavailable(expo_with, fake_providers):
    fake_providers.queue("expo", httpx.Response(503, json={"errors": []}), timeout())

    for _ in range(2):
        with pytest.raises(ProviderUnavailable):
            await expo_with().send(PUSH)


@pytest.mark.parametrize(
    ("token", "expected"),
    [(TOKEN, True), ("ExpoPushToken[abc]", True), ("fcm-registration-token", False)],
)
def test_expo_tokens_are_told_apart_from_fcm_tokens(token, expected):
    assert is_expo_token(token) is expected


async def test_receipts_are_asked_for_with_the_ticket_ids(receipts_with, fake_providers):
    await receipts_with("expo-secret").fetch(["T-1", "T-2"])

    (asked,) = fake_providers.requests["expo_receipts"]
    assert (asked.method, asked.url) == ("POST", EXPO_RECEIPTS_URL)
    assert asked.headers["authorization"] == "Bearer expo-secret"
    assert asked.json() == {"ids": ["T-1", "T-2"]}


async def test_receipts_are_read_by_ticket_id_leaving_out_those_not_made(
    receipts_with, fake_providers
):
    fake_providers.make_expo_receipt("T-ok", expo_receipt_ok())
    fake_providers.make_expo_receipt("T-gone", expo_receipt_device_not_registered())
    fake_providers.make_expo_receipt("T-big", expo_receipt_error("Too big", "MessageTooBig"))

    receipts = await receipts_with().fetch(["T-ok", "T-gone", "T-big", "T-later"])

    assert receipts == {
        "T-ok": PushReceipt(delivered=True),
        "T-gone": PushReceipt(
            delivered=False,
            reason="The Apple Push Notification service failed to send the notification "
            "(DeviceNotRegistered)",
            token_dead=True,
        ),
        "T-big": PushReceipt(delivered=False, reason="Too big (MessageTooBig)"),
    }


async def test_a_failing_expo_or_a_timeout_leaves_the_receipts_unread(
    receipts_with, fake_providers
):
    fake_providers.queue("expo_receipts", httpx.Response(500, json={"errors": []}), timeout())

    for _ in range(2):
        with pytest.raises(ProviderUnavailable):
            await receipts_with().fetch(["T-1"])
