"""Receiving webhooks: the signature headers' shape and the signed time checked before the body
is read, the signature before the body is parsed, each event id handed to the queue once."""

import json
import time
from collections.abc import Mapping

import pytest

from external_api.integrations.framework.webhooks import (
    MAX_DEPTH,
    BadSignature,
    WebhookEvent,
    WebhookReceiver,
    json_of,
    receive,
)
from shared.models.integration_webhook_receipt import IntegrationWebhookReceipt
from shared.utilities.errors import InvalidBody
from shared.utilities.outbox import Senders, collecting
from shared.utilities.signatures import (
    sign_timestamped_hmac,
    timestamped_header_shaped,
    verify_timestamped_hmac,
)
from tests.external_api.conftest import RecordingEmitter, RecordingTasks

SECRET = "whsec_test"


class TimestampedReceiver(WebhookReceiver):
    """A provider signing `<t>.<body>` (as Stripe does) with a five-minute window."""

    provider = "acme"
    tolerance_seconds = 300

    def __init__(self) -> None:
        self.parsed = 0

    def signed_at(self, headers: Mapping[str, str]) -> int | None:
        timestamp = timestamped_header_shaped(headers.get("acme-signature", ""))
        if timestamp is None:
            raise BadSignature()
        return timestamp

    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        # An unlimited tolerance: the framework checks the window itself.
        if not verify_timestamped_hmac(SECRET, body, headers["acme-signature"], 10**10):
            raise BadSignature()

    def events(self, body: bytes) -> list[WebhookEvent]:
        self.parsed += 1
        return [WebhookEvent(e["id"], e["type"], e) for e in json_of(body)["events"]]


def signed(body: bytes, at: int, secret: str = SECRET) -> dict[str, str]:
    return {"acme-signature": sign_timestamped_hmac(secret, body, at)}


BODY = json.dumps({"events": [{"id": "evt_1", "type": "thing.created"}]}).encode()


class Body:
    """A request body reader that says whether it was read."""

    def __init__(self, content: bytes) -> None:
        self.content = content
        self.read = False

    async def __call__(self) -> bytes:
        self.read = True
        return self.content


@pytest.fixture
def tasks() -> RecordingTasks:
    return RecordingTasks()


async def received(receiver, headers, body, tasks, now=None) -> dict:
    reader = body if isinstance(body, Body) else Body(body)
    async with collecting(Senders(tasks=tasks, emitter=RecordingEmitter())):
        return await receive(receiver, headers, reader, now)


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
        {"acme-signature": f"t={int(time.time())},v1=deadbeef"},
        {"acme-signature": f"t={int(time.time())},v1={'é' * 64}"},
        {"acme-signature": f"t=¹²³,v1={'a' * 64}"},
    ],
    ids=["missing", "short", "not ascii", "superscript digits"],
)
async def test_a_misshapen_signature_is_refused_before_the_body_is_read(mongo, tasks, headers):
    body = Body(BODY)

    with pytest.raises(BadSignature):
        await received(TimestampedReceiver(), headers, body, tasks)

    assert body.read is False
    assert tasks.sent == []


async def test_a_signed_time_outside_the_window_is_refused_before_the_body_is_read(mongo, tasks):
    body = Body(BODY)
    headers = signed(BODY, int(time.time()) - 3600)

    with pytest.raises(BadSignature, match="too long ago"):
        await received(TimestampedReceiver(), headers, body, tasks)

    assert body.read is False


@pytest.mark.parametrize(
    "headers",
    [signed(BODY, int(time.time()), secret="someone-else")],
    ids=["wrong secret"],
)
async def test_a_bad_signature_is_refused_before_the_body_is_parsed(mongo, tasks, headers):
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


def nested(depth: int) -> object:
    value: object = "leaf"
    for _ in range(depth):
        value = [value]
    return value


async def test_a_signed_body_nested_deeper_than_the_cap_is_an_invalid_body(mongo, tasks):
    event = {"id": "evt_1", "type": "thing.created", "data": nested(MAX_DEPTH)}
    body = json.dumps({"events": [event]}).encode()

    with pytest.raises(InvalidBody):
        await received(TimestampedReceiver(), signed(body, int(time.time())), body, tasks)

    assert tasks.sent == []
    assert await IntegrationWebhookReceipt.find_all().count() == 0


def test_json_nested_past_the_parsers_recursion_limit_is_an_invalid_body():
    with pytest.raises(InvalidBody):
        json_of(b"[" * 100_000 + b"]" * 100_000)


def test_json_nested_to_the_cap_is_read():
    value = nested(MAX_DEPTH)

    assert json_of(json.dumps(value).encode()) == value
