"""Receiving webhooks: the signature checked before the body is read further, signed times
outside the provider's window refused, each event id handed to the queue once."""

import json
import time
from collections.abc import Mapping

import pytest

from external_api.integrations.framework.webhooks import (
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
    hmac_hex,
    receive,
    same_signature,
)
from shared.models.integration_webhook_receipt import IntegrationWebhookReceipt
from shared.utilities.outbox import Senders, collecting
from tests.external_api.conftest import RecordingEmitter, RecordingTasks

SECRET = "whsec_test"


class TimestampedReceiver(WebhookReceiver):
    """A provider signing `<t>.<body>` (as Stripe does) with a five-minute window."""

    provider = "acme"
    tolerance_seconds = 300

    def __init__(self) -> None:
        self.parsed = 0

    def verify(self, headers: Mapping[str, str], body: bytes) -> int | None:
        header = headers.get("acme-signature", "")
        parts = dict(part.partition("=")[::2] for part in header.split(","))
        if "t" not in parts or "v1" not in parts:
            raise BadSignature()
        expected = hmac_hex(SECRET, f"{parts['t']}.".encode() + body)
        if not same_signature(expected, parts["v1"]):
            raise BadSignature()
        return int(parts["t"])

    def events(self, body: bytes) -> list[WebhookEvent]:
        self.parsed += 1
        return [WebhookEvent(e["id"], e["type"], e) for e in json.loads(body)["events"]]


def signed(body: bytes, at: int, secret: str = SECRET) -> dict[str, str]:
    return {"acme-signature": f"t={at},v1={hmac_hex(secret, f'{at}.'.encode() + body)}"}


BODY = json.dumps({"events": [{"id": "evt_1", "type": "thing.created"}]}).encode()


@pytest.fixture
def tasks() -> RecordingTasks:
    return RecordingTasks()


async def received(receiver, headers, body, tasks, now=None) -> dict:
    async with collecting(Senders(tasks=tasks, emitter=RecordingEmitter())):
        return await receive(receiver, headers, body, now)


async def test_a_signed_event_is_handed_to_the_queue(mongo, tasks):
    answer = await received(TimestampedReceiver(), signed(BODY, int(time.time())), BODY, tasks)

    assert answer == {"received": 1, "accepted": 1}
    assert tasks.sent == [
        (
            "integrations.process_webhook",
            {
                "provider": "acme",
                "event": {
                    "id": "evt_1",
                    "type": "thing.created",
                    "data": {"id": "evt_1", "type": "thing.created"},
                },
            },
            "acme:evt_1",
        )
    ]


async def test_an_event_seen_before_is_not_handed_on_again(mongo, tasks):
    headers = signed(BODY, int(time.time()))
    await received(TimestampedReceiver(), headers, BODY, tasks)

    again = await received(TimestampedReceiver(), headers, BODY, tasks)

    assert again == {"received": 1, "accepted": 0}
    assert len(tasks.sent) == 1
    assert await IntegrationWebhookReceipt.find_all().count() == 1


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"acme-signature": "t=1,v1=deadbeef"},
        signed(BODY, int(time.time()), secret="someone-else"),
    ],
    ids=["missing", "garbage", "wrong secret"],
)
async def test_a_bad_or_missing_signature_is_refused_before_the_body_is_parsed(
    mongo, tasks, headers
):
    receiver = TimestampedReceiver()

    with pytest.raises(BadSignature):
        await received(receiver, headers, BODY, tasks)

    assert receiver.parsed == 0
    assert tasks.sent == []


async def test_a_tampered_body_is_refused(mongo, tasks):
    headers = signed(BODY, int(time.time()))

    with pytest.raises(BadSignature):
        await received(TimestampedReceiver(), headers, BODY.replace(b"evt_1", b"evt_2"), tasks)


async def test_a_signature_older_than_the_window_is_a_replay(mongo, tasks):
    now = time.time()
    headers = signed(BODY, int(now) - 301)

    with pytest.raises(BadSignature, match="too long ago"):
        await received(TimestampedReceiver(), headers, BODY, tasks, now)

    assert await IntegrationWebhookReceipt.find_all().count() == 0


async def test_a_signature_inside_the_window_is_accepted(mongo, tasks):
    now = time.time()

    answer = await received(TimestampedReceiver(), signed(BODY, int(now) - 299), BODY, tasks, now)

    assert answer["accepted"] == 1


async def test_a_failure_half_way_keeps_no_receipt(mongo, tasks, monkeypatch):
    body = json.dumps({"events": [{"id": "a", "type": "t"}, {"id": "b", "type": "t"}]}).encode()
    inserted = IntegrationWebhookReceipt.insert

    async def fail_on_b(self, *args, **kwargs):
        if self.event_id == "b":
            raise RuntimeError("database went away")
        return await inserted(self, *args, **kwargs)

    monkeypatch.setattr(IntegrationWebhookReceipt, "insert", fail_on_b)

    with pytest.raises(RuntimeError):
        await received(TimestampedReceiver(), signed(body, int(time.time())), body, tasks)

    assert await IntegrationWebhookReceipt.find_all().count() == 0
    assert tasks.sent == []
