"""The one send function, run in-process (direct mode) or by the notifications Celery worker
(queue mode); only what runs it and waits between tries differs.

Each call is one try. A provider's refusal (4xx) fails the delivery with the provider's
message; a busy, failing or silent provider (429, 5xx, timeout) raises `ProviderUnavailable`
for the caller to try again later, until the delivery has had `max_attempts` tries, when it
fails with the last error. A delivery no longer `queued` (sent, failed, or taken by another
try) is left alone, so a task delivered twice sends once.

A push to a user's devices goes to each device through its kind's provider, and each device's
outcome is kept, so a later try sends only to the devices still `queued`: none receives it
twice. A device no longer the user's when its turn comes (removed,
or its token registered by someone else) is not sent to. The delivery is `sent` once a device
has taken it, `failed` when none did. A push token the provider reports dead fails its send
and its device is removed, whether the push went to the user's devices or named the token.
A device's send Expo took waits for its push receipt (notifications.deliveries.receipts).
An email or SMS that failed for good gives its OneBalance charge back (`metering`).
"""

import logging

from beanie import PydanticObjectId

from notifications.deliveries.metering import refund_failed
from notifications.deliveries.repository import AllDeliveries, PushDevices
from notifications.providers.base import (
    Attachment,
    EmailMessage,
    ProviderReceipt,
    ProviderRejected,
    ProviderUnavailable,
    PushMessage,
    Reference,
    SmsMessage,
    TokenInvalid,
)
from notifications.providers.registry import Providers, kind_of
from shared.models.base import utc_now
from shared.models.notification_delivery import DeliveryStatus, DevicePush, NotificationDelivery
from shared.models.notification_template import Channel

logger = logging.getLogger(__name__)


async def send_delivery(delivery_id: str, providers: Providers, max_attempts: int) -> None:
    delivery = await AllDeliveries.by_id(delivery_id)
    if delivery is None or delivery.status is not DeliveryStatus.QUEUED:
        return
    delivery.attempts += 1
    if delivery.devices:
        await send_to_devices(delivery, providers, max_attempts)
    else:
        await send_to_address(delivery, providers, max_attempts)


async def send_to_address(
    delivery: NotificationDelivery, providers: Providers, max_attempts: int
) -> None:
    try:
        receipt = await send_through(providers, delivery)
    except ProviderRejected as error:
        await forget_if_dead(error, delivery.to)
        delivery.reason = error.message
        delivery.record(DeliveryStatus.FAILED, error.message)
    except ProviderUnavailable as error:
        await keep_for_another_try(delivery, error, max_attempts)
        delivery.reason = f"gave up after {delivery.attempts} tries: {error.message}"
        delivery.record(DeliveryStatus.FAILED, delivery.reason)
    else:
        delivery.provider_message_id = receipt.message_id
        delivery.reason = ""
        delivery.record(DeliveryStatus.SENT)
    await delivery.save()
    if delivery.status is DeliveryStatus.FAILED:
        await refund_failed(delivery)


async def send_to_devices(
    delivery: NotificationDelivery, providers: Providers, max_attempts: int
) -> None:
    registered = await PushDevices.still_registered(
        PydanticObjectId(delivery.user_id), [device.device_id for device in delivery.devices]
    )
    unavailable: ProviderUnavailable | None = None
    for device in waiting(delivery):
        try:
            await send_to_device(providers, delivery, device, registered)
        except ProviderUnavailable as error:
            device.reason, unavailable = error.message, error
    if unavailable:
        await keep_for_another_try(delivery, unavailable, max_attempts)
        for device in waiting(delivery):
            device.settle(
                DeliveryStatus.FAILED, f"gave up after {delivery.attempts} tries: {device.reason}"
            )
    record_devices_outcome(delivery)
    await delivery.save()


def waiting(delivery: NotificationDelivery) -> list[DevicePush]:
    return [device for device in delivery.devices if device.status is DeliveryStatus.QUEUED]


async def send_to_device(
    providers: Providers,
    delivery: NotificationDelivery,
    device: DevicePush,
    registered: set[tuple[PydanticObjectId, str]],
) -> None:
    if (device.device_id, device.token) not in registered:
        device.settle(DeliveryStatus.FAILED, "the device is no longer registered")
        return
    provider = providers.push_for(device.kind)
    device.provider = provider.name
    try:
        receipt = await provider.send(push_message(delivery, device.token))
    except ProviderRejected as error:
        await forget_if_dead(error, device.token)
        device.settle(DeliveryStatus.FAILED, error.message)
    else:
        device.provider_message_id, device.sent_at = receipt.message_id, utc_now()
        device.receipt_due_at = receipt.receipt_due_at
        device.settle(DeliveryStatus.SENT)


def record_devices_outcome(delivery: NotificationDelivery) -> None:
    """Failed when no device took it; otherwise sent, or delivered once a provider confirmed
    it reached a device, naming the devices it did not reach. Recorded when it changes."""
    failed = [device for device in delivery.devices if device.status is DeliveryStatus.FAILED]
    reasons = "; ".join(f"{device.name or device.device_id}: {device.reason}" for device in failed)
    total = len(delivery.devices)
    if len(failed) == total:
        status, delivery.reason = DeliveryStatus.FAILED, reasons
    else:
        confirmed = any(device.status is DeliveryStatus.DELIVERED for device in delivery.devices)
        status = DeliveryStatus.DELIVERED if confirmed else DeliveryStatus.SENT
        delivery.reason = (
            f"not sent to {len(failed)} of {total} devices: {reasons}" if failed else ""
        )
    if status is not delivery.status:
        delivery.record(status, reasons if status is DeliveryStatus.FAILED else "")


async def keep_for_another_try(
    delivery: NotificationDelivery, error: ProviderUnavailable, max_attempts: int
) -> None:
    """Raises `error`, for the caller to try again later, while the delivery has tries left."""
    delivery.reason = error.message
    if delivery.attempts < max_attempts:
        await delivery.save()
        logger.warning("delivery %s try %d failed: %s", delivery.id, delivery.attempts, error)
        raise error


async def forget_if_dead(error: ProviderRejected, token: str) -> None:
    if isinstance(error, TokenInvalid):
        await PushDevices.forget_token(token)


async def send_through(providers: Providers, delivery: NotificationDelivery) -> ProviderReceipt:
    match delivery.channel:
        case Channel.EMAIL:
            delivery.provider = providers.email.name
            return await providers.email.send(
                EmailMessage(
                    reference=reference_of(delivery),
                    to=delivery.to,
                    subject=delivery.subject,
                    text=delivery.text,
                    html=delivery.html,
                    from_name=delivery.from_name,
                    headers=delivery.headers,
                    attachments=tuple(
                        Attachment(item.filename, item.content_type, item.content)
                        for item in delivery.attachments
                    ),
                )
            )
        case Channel.SMS:
            delivery.provider = providers.sms.name
            return await providers.sms.send(
                SmsMessage(reference=reference_of(delivery), to=delivery.to, text=delivery.text)
            )
        case _:  # push to a token named as is
            provider = providers.push_for(kind_of(delivery.to))
            delivery.provider = provider.name
            return await provider.send(push_message(delivery, delivery.to))


def push_message(delivery: NotificationDelivery, token: str) -> PushMessage:
    return PushMessage(
        reference=reference_of(delivery),
        to=token,
        title=delivery.subject,
        text=delivery.text,
        data=delivery.data,
    )


def reference_of(delivery: NotificationDelivery) -> Reference:
    return Reference(str(delivery.account_id), str(delivery.id))
