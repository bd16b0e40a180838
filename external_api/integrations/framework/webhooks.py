"""Receiving a provider's webhooks, in the order that costs an attacker most and us least:

1. the signature headers' shape and the signed time's window, before the body is read (a
   forged or replayed delivery is refused without reading a megabyte; the app factory bounds
   the body's size);
2. the signature over the body;
3. the body parsed into events (JSON nested too deep for the database is a 400, not a crash);
4. one receipt per provider event id, then the work handed to the queue manager
   (`integrations.process_webhook`).

A provider folder writes a `WebhookReceiver` and a route that calls `receive` with the request's
headers and its body reader; the answer is fast and the same for an event seen before, so the
provider stops retrying.
"""

import json
import time
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any

from external_api.integrations.framework.repository import ReceiptRepository
from shared.utilities.errors import InvalidBody, Unauthorized
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import INTEGRATIONS_PROCESS_WEBHOOK

BodyReader = Callable[[], Awaitable[bytes]]
# Deeper than any provider's documented event (a Stripe invoice nests about ten levels), and
# far enough below MongoDB's 100 that the event still stores inside its task and outbox entry.
MAX_DEPTH = 32


class BadSignature(Unauthorized):
    """The webhook's signature is missing, wrong, or too old."""

    code = "invalid_signature"
    message = "The webhook signature is missing or wrong."


@dataclass(frozen=True)
class WebhookEvent:
    id: str  # the provider's own id of the event: what makes receiving idempotent
    type: str
    data: dict[str, Any]


class WebhookReceiver(ABC):
    provider: str  # the provider's name, as in its routes
    # Seconds a signed timestamp may be away from now; providers without one sign no time.
    tolerance_seconds: int = 300

    @abstractmethod
    def signed_at(self, headers: Mapping[str, str]) -> int | None:
        """Raise BadSignature unless the signature headers have the provider's shape; answer
        the signed timestamp (seconds since the epoch) when the provider signs one. Called
        before the body is read."""

    @abstractmethod
    def verify(self, headers: Mapping[str, str], body: bytes) -> None:
        """Raise BadSignature unless the body is signed by the provider."""

    @abstractmethod
    def events(self, body: bytes) -> list[WebhookEvent]:
        """The events of a verified body."""


async def receive(
    receiver: WebhookReceiver,
    headers: Mapping[str, str],
    read_body: BodyReader,
    now: float | None = None,
) -> dict[str, int]:
    """Check, then record and enqueue each event not seen before; how many were new."""
    signed_at = receiver.signed_at(headers)
    current = time.time() if now is None else now
    if signed_at is not None and abs(current - signed_at) > receiver.tolerance_seconds:
        raise BadSignature("The webhook was signed too long ago.")
    body = await read_body()
    receiver.verify(headers, body)
    events = receiver.events(body)
    new = await record_new(receiver.provider, events)
    for event in new:
        enqueue_job(
            INTEGRATIONS_PROCESS_WEBHOOK,
            task_id=f"{receiver.provider}:{event.id}",
            provider=receiver.provider,
            event={"id": event.id, "type": event.type, "data": event.data},
        )
    return {"received": len(events), "accepted": len(new)}


def json_of(body: bytes) -> Any:
    """A signed body's JSON; InvalidBody when it is not JSON or nests deeper than any stored
    document may (the parser's own recursion limit would otherwise end it in a 500)."""
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        raise InvalidBody() from None
    if depth_of(value) > MAX_DEPTH:
        raise InvalidBody(f"The webhook's JSON is nested more than {MAX_DEPTH} levels deep.")
    return value


def depth_of(value: Any) -> int:
    """How deep lists and objects nest in a parsed JSON value, without recursion."""
    deepest, pending = 0, [(value, 0)]
    while pending:
        item, depth = pending.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth + 1)
            children = item.values() if isinstance(item, dict) else item
            pending.extend((child, depth + 1) for child in children)
    return deepest


async def record_new(provider: str, events: list[WebhookEvent]) -> list[WebhookEvent]:
    """The events not received before, each now with a receipt. All or nothing: a failure
    half-way removes this call's receipts, so the provider's retry is not taken for a replay."""
    receipts = ReceiptRepository(provider)
    new: list[WebhookEvent] = []
    try:
        for event in events:
            if await receipts.record(event.id, event.type):
                new.append(event)
    except Exception:
        await receipts.forget(event.id for event in new)
        raise
    return new
