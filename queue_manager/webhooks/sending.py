"""One POST of a delivery to its endpoint, and what came of it as a `DeliveryAttempt`."""

import json
import time
from datetime import datetime

import httpx

from queue_manager.settings import QueueManagerSettings
from queue_manager.webhooks.signing import SIGNATURE_HEADER, signature_header
from shared.models.webhook_delivery import DeliveryAttempt, WebhookDelivery
from shared.models.webhook_subscription import WebhookSubscription
from shared.utilities.checked_transport import CheckedAddressTransport
from shared.utilities.errors import DomainError
from shared.utilities.upstream import http_client

USER_AGENT = "PlatformWebhooks/1.0"
# How much of a failed answer's body, or of an error, the delivery log keeps.
EXCERPT_CHARS = 500
# A successful answer's body is read (and dropped) up to this much, so its connection goes back
# to the pool; past it the connection is closed instead of reading on.
DRAIN_BYTES = 64 * 1024


# Loading the CA bundle takes a while, and a client is made per delivery: the context is shared.
TLS = httpx.create_ssl_context()


def webhook_client(settings: QueueManagerSettings) -> httpx.AsyncClient:
    """The client one delivery goes out with (the shared one's quiet logging: a URL may carry
    credentials). Redirects are not followed: a 3xx is a failed attempt, and never a way to
    another address."""
    transport = CheckedAddressTransport(settings.webhook_allowed_networks, verify=TLS)
    timeout = settings.webhook_timeout_seconds
    return http_client(timeout, timeout, transport)


def request_body(delivery: WebhookDelivery) -> bytes:
    return json.dumps(delivery.payload, separators=(",", ":")).encode()


def request_headers(
    secrets: list[str], delivery: WebhookDelivery, body: bytes, now: datetime
) -> dict[str, str]:
    signature = signature_header(secrets, body, int(now.timestamp()))
    return {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "webhook-id": delivery.event_id,
        "webhook-delivery": str(delivery.id),
        SIGNATURE_HEADER: signature,
    }


async def post_delivery(
    client: httpx.AsyncClient,
    subscription: WebhookSubscription,
    secrets: list[str],
    delivery: WebhookDelivery,
    now: datetime,
    manual: bool = False,
) -> DeliveryAttempt:
    """POST the delivery signed with `secrets`; a 2xx answer is success, anything else
    (another status, no answer in time, no connection, an address inside the network) a
    failure, described in the attempt."""
    body = request_body(delivery)
    headers = request_headers(secrets, delivery, body, now)
    started = time.perf_counter()
    code, error = None, None
    try:
        async with client.stream("POST", subscription.url, content=body, headers=headers) as answer:
            code = answer.status_code
            if answer.is_success:
                await drain(answer)
            else:
                error = await body_excerpt(answer)
    except DomainError as refusal:  # the address check's Forbidden or UpstreamError
        error = refusal.message
    except httpx.HTTPError as failure:
        error = f"{type(failure).__name__}: {failure}"[:EXCERPT_CHARS]
    duration_ms = round((time.perf_counter() - started) * 1000, 2)
    return DeliveryAttempt(
        at=now, response_code=code, duration_ms=duration_ms, error=error, manual=manual
    )


async def drain(answer: httpx.Response) -> None:
    """Read the answer's body to its end (up to DRAIN_BYTES): a connection whose answer was not
    read to the end cannot be used again, and every delivery would open a new one."""
    received = 0
    async for chunk in answer.aiter_raw():
        received += len(chunk)
        if received > DRAIN_BYTES:
            return


async def body_excerpt(answer: httpx.Response) -> str:
    """The start of the answer's body, read no further than needed."""
    received = b""
    async for chunk in answer.aiter_bytes():
        received += chunk
        if len(received) >= EXCERPT_CHARS:
            break
    return received[:EXCERPT_CHARS].decode(errors="replace") or f"HTTP {answer.status_code}"
