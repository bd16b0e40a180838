"""Expo's push receipts: what became of each device's send Expo took.

Expo's ticket says it took the push; its receipt, asked for with the ticket id once the send's
`receipt_due_at` comes (NOTIFICATIONS_EXPO_RECEIPT_DELAY_SECONDS after it), says whether Apple
or Google did. The service asks for the receipts that are due every
NOTIFICATIONS_EXPO_RECEIPT_POLL_SECONDS, up to 1000 tickets a request, and for each:
- `ok`: the device's send is `delivered`;
- `DeviceNotRegistered`: the send failed and the device is removed, as for a dead token at send;
- another error (`MessageTooBig`, `MessageRateExceeded`, `InvalidCredentials`): the send failed
  with Expo's reason;
- none made yet: asked for again at the next poll, until Expo would have dropped it (a day
  after the send), when it is given up on, which the device's send notes.
An Expo failing or silent leaves every receipt of the run due, for the next poll. A delivery is
written only if nothing wrote it since it was read, so replicas polling at once record each
receipt once (the one that lost reads it again at its next poll); a delivery still `queued` (its
send under way) waits for its send to end. A delivery the receipts make `delivered` is told on
(`reached`), through the poll's outbox.
"""

import logging
from datetime import datetime, timedelta

from notifications.deliveries.reached import reached
from notifications.deliveries.repository import AllDeliveries, PushDevices
from notifications.deliveries.sending import record_devices_outcome
from notifications.providers.base import ProviderError
from notifications.providers.expo import (
    RECEIPT_LIFETIME,
    RECEIPTS_PER_REQUEST,
    ExpoReceipts,
    PushReceipt,
)
from shared.models.base import utc_now
from shared.models.notification_delivery import DeliveryStatus, DevicePush, NotificationDelivery
from shared.utilities.outbox import Senders, collecting

logger = logging.getLogger(__name__)

NO_RECEIPT = "Expo made no receipt within a day: whether it reached the device is unknown"


async def poll_receipts(expo: ExpoReceipts, every_seconds: float, senders: Senders) -> None:
    """One poll: the receipts due now, those not made yet asked for again at the next."""
    now = utc_now()
    async with collecting(senders):
        await read_due_receipts(expo, now, next_poll=now + timedelta(seconds=every_seconds))


async def read_due_receipts(
    expo: ExpoReceipts,
    now: datetime,
    next_poll: datetime,
    batch_size: int = RECEIPTS_PER_REQUEST,
) -> None:
    while deliveries := await AllDeliveries.with_receipts_due(now, batch_size):
        tickets = [
            device.provider_message_id
            for delivery in deliveries
            for device in due(delivery, now)
            if device.provider_message_id
        ]
        try:
            receipts = await fetch_in_batches(expo, tickets, batch_size)
        except ProviderError as error:
            logger.warning("Expo's push receipts could not be read, kept for later: %s", error)
            return
        stored = [
            await record_receipts(delivery, receipts, now, next_poll) for delivery in deliveries
        ]
        if not any(stored):
            return  # each was written by another in the meantime: the next poll reads them


def due(delivery: NotificationDelivery, now: datetime) -> list[DevicePush]:
    return [
        device
        for device in delivery.devices
        if device.receipt_due_at is not None and device.receipt_due_at <= now
    ]


async def fetch_in_batches(
    expo: ExpoReceipts, tickets: list[str], batch_size: int
) -> dict[str, PushReceipt]:
    receipts: dict[str, PushReceipt] = {}
    for start in range(0, len(tickets), batch_size):
        receipts |= await expo.fetch(tickets[start : start + batch_size])
    return receipts


async def record_receipts(
    delivery: NotificationDelivery,
    receipts: dict[str, PushReceipt],
    now: datetime,
    next_poll: datetime,
) -> bool:
    """Each due device's receipt on its send, and the delivery's outcome; whether stored."""
    read_at, sends = delivery.updated_at, due(delivery, now)
    if not sends:
        return False
    for device in sends:
        receipt = receipts.get(device.provider_message_id or "")
        if receipt is not None:
            await settle_by_receipt(device, receipt)
        elif device.sent_at is None or now >= device.sent_at + RECEIPT_LIFETIME:
            device.receipt_due_at, device.reason = None, NO_RECEIPT
        else:
            device.receipt_due_at = next_poll
    was = delivery.status
    record_devices_outcome(delivery)
    stored = await AllDeliveries.save_outcome_unless_written_since(delivery, read_at)
    if (
        stored
        and was is not DeliveryStatus.DELIVERED
        and delivery.status is DeliveryStatus.DELIVERED
    ):
        reached(delivery)
    return stored


async def settle_by_receipt(device: DevicePush, receipt: PushReceipt) -> None:
    device.receipt_due_at = None
    if receipt.delivered:
        device.settle(DeliveryStatus.DELIVERED)
        return
    if receipt.token_dead:
        await PushDevices.forget_token(device.token)
    device.settle(DeliveryStatus.FAILED, receipt.reason)
