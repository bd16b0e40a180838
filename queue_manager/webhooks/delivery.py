"""Delivering a webhook: one attempt at a time, each recorded on the delivery's log.

A failed attempt is retried after the next of the configured delays (about a day in all); when
they are used up the delivery has failed for good, and the endpoint is switched off and the
account's admins told (`exhaustion`). A redelivery asked for by the account is one attempt,
outside that schedule.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta

import httpx

from queue_manager.webhooks import repository
from queue_manager.webhooks.exhaustion import switch_off_endpoint
from queue_manager.webhooks.sending import post_delivery
from queue_manager.webhooks.signing import signing_secrets
from shared.domain.accounts.lifecycle import hold_if_closed
from shared.domain.accounts.repository import hold_deliveries
from shared.models.base import utc_now
from shared.models.webhook_delivery import DeliveryAttempt, DeliveryStatus, WebhookDelivery
from shared.models.webhook_subscription import WebhookSubscription
from shared.utilities.encryption import SecretBox

ENDPOINT_GONE = "The endpoint was switched off or deleted; the event was not sent."


@dataclass(frozen=True)
class Retry:
    attempt: int  # the number of the attempt to make next (the first retry is attempt 2)
    seconds: float  # how long to wait before it


async def deliver(
    delivery_id: str,
    client: httpx.AsyncClient,
    box: SecretBox,
    retry_delays: Sequence[float],
    manual: bool = False,
) -> Retry | None:
    """Make one attempt at the delivery, if it is still due and its account active (held
    otherwise, until it is active again). Returns the retry to schedule, or None when there
    is none to make."""
    delivery = await repository.delivery(delivery_id)
    if delivery is None or delivery.status is not DeliveryStatus.PENDING:
        return None  # deleted with its endpoint, or settled by an earlier run of this task
    if await hold_if_closed(delivery.account_id, lambda: hold_deliveries([delivery.id])):
        return None
    subscription = await repository.endpoint(delivery.subscription_id)
    return await attempt(delivery, subscription, client, box, retry_delays, manual)


async def attempt(
    delivery: WebhookDelivery,
    subscription: WebhookSubscription | None,
    client: httpx.AsyncClient,
    box: SecretBox,
    retry_delays: Sequence[float],
    manual: bool = False,
) -> Retry | None:
    """One attempt at a pending delivery to its endpoint (None when the endpoint is gone),
    recorded in one write."""
    now = utc_now()
    if subscription is None or not subscription.enabled:
        gone = DeliveryAttempt(at=now, duration_ms=0, error=ENDPOINT_GONE, manual=manual)
        await repository.record_attempt(delivery, gone, DeliveryStatus.FAILED)
        return None
    secrets = signing_secrets(subscription, box, now)
    made = await post_delivery(client, subscription, secrets, delivery, now, manual)
    if made.error is None:
        await repository.record_attempt(delivery, made, DeliveryStatus.DELIVERED)
        return None
    earlier_attempts = sum(not earlier.manual for earlier in delivery.attempts)
    if manual or earlier_attempts >= len(retry_delays):
        if not manual:
            # Before the delivery is settled: run again after a crash, this task finds it
            # pending, and the endpoint already off.
            await switch_off_endpoint(subscription, len(delivery.attempts) + 1)
        await repository.record_attempt(delivery, made, DeliveryStatus.FAILED)
        return None
    retry = Retry(attempt=earlier_attempts + 2, seconds=retry_delays[earlier_attempts])
    due = now + timedelta(seconds=retry.seconds)
    await repository.record_attempt(delivery, made, DeliveryStatus.PENDING, due)
    return retry
