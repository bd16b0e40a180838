"""Receiving a provider's webhooks: signature first, then replay window, then one receipt per
provider event id, then the work handed to the queue manager (`integrations.process_webhook`).

A provider folder writes a `WebhookReceiver` (its signature check and how its body splits into
events) and a route that calls `receive` with the raw body; the answer is fast and the same
for an event seen before, so the provider stops retrying.
"""

import hashlib
import hmac
import time
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from pymongo.errors import DuplicateKeyError

from shared.models.integration_webhook_receipt import IntegrationWebhookReceipt
from shared.utilities.errors import Unauthorized
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import INTEGRATIONS_PROCESS_WEBHOOK


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
    def verify(self, headers: Mapping[str, str], body: bytes) -> int | None:
        """Raise BadSignature unless the body is signed by the provider; answer the signed
        timestamp (seconds since the epoch) when the provider signs one."""

    @abstractmethod
    def events(self, body: bytes) -> list[WebhookEvent]:
        """The events of a verified body."""


def hmac_hex(secret: str, message: bytes, digest=hashlib.sha256) -> str:
    return hmac.new(secret.encode(), message, digest).hexdigest()


def same_signature(expected: str, given: str) -> bool:
    return hmac.compare_digest(expected.encode(), given.encode())


async def receive(
    receiver: WebhookReceiver,
    headers: Mapping[str, str],
    body: bytes,
    now: float | None = None,
) -> dict[str, int]:
    """Verify, then record and enqueue each event not seen before; how many were new."""
    signed_at = receiver.verify(headers, body)
    current = time.time() if now is None else now
    if signed_at is not None and abs(current - signed_at) > receiver.tolerance_seconds:
        raise BadSignature("The webhook was signed too long ago.")
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


async def record_new(provider: str, events: list[WebhookEvent]) -> list[WebhookEvent]:
    """The events not received before, each now with a receipt. All or nothing: a failure
    half-way removes this call's receipts, so the provider's retry is not taken for a replay."""
    new: list[WebhookEvent] = []
    try:
        for event in events:
            if await record(provider, event):
                new.append(event)
    except Exception:
        for event in new:
            await IntegrationWebhookReceipt.find_one(
                {"provider": provider, "event_id": event.id}
            ).delete()
        raise
    return new


async def record(provider: str, event: WebhookEvent) -> bool:
    """False when the event was received before."""
    receipt = IntegrationWebhookReceipt(provider=provider, event_id=event.id, event_type=event.type)
    try:
        await receipt.insert()
    except DuplicateKeyError:
        return False
    return True
