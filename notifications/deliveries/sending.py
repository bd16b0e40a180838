"""The one send function, run in-process (direct mode) or by the notifications Celery worker
(queue mode); only what runs it and waits between tries differs.

Each call is one try. A provider's refusal (4xx) fails the delivery with the provider's
message; a busy, failing or silent provider (429, 5xx, timeout) raises `ProviderUnavailable`
for the caller to try again later, until the delivery has had `max_attempts` tries, when it
fails with the last error. A delivery no longer `queued` (sent, failed, or taken by another
try) is left alone, so a task delivered twice sends once.
"""

import logging

from notifications.deliveries.repository import AllDeliveries
from notifications.providers.base import (
    EmailMessage,
    ProviderReceipt,
    ProviderRejected,
    ProviderUnavailable,
    PushMessage,
    Reference,
    SmsMessage,
)
from notifications.providers.registry import Providers
from shared.models.notification_delivery import DeliveryStatus, NotificationDelivery
from shared.models.notification_template import Channel

logger = logging.getLogger(__name__)


async def send_delivery(delivery_id: str, providers: Providers, max_attempts: int) -> None:
    delivery = await AllDeliveries.by_id(delivery_id)
    if delivery is None or delivery.status is not DeliveryStatus.QUEUED:
        return
    delivery.attempts += 1
    try:
        receipt = await send_through(providers, delivery)
    except ProviderRejected as error:
        delivery.reason = error.message
        delivery.record(DeliveryStatus.FAILED, error.message)
    except ProviderUnavailable as error:
        delivery.reason = error.message
        if delivery.attempts < max_attempts:
            await delivery.save()
            logger.warning("delivery %s try %d failed: %s", delivery_id, delivery.attempts, error)
            raise
        delivery.reason = f"gave up after {delivery.attempts} tries: {error.message}"
        delivery.record(DeliveryStatus.FAILED, delivery.reason)
    else:
        delivery.provider_message_id = receipt.message_id
        delivery.reason = ""
        delivery.record(DeliveryStatus.SENT)
    await delivery.save()


async def send_through(providers: Providers, delivery: NotificationDelivery) -> ProviderReceipt:
    reference = Reference(str(delivery.account_id), str(delivery.id))
    match delivery.channel:
        case Channel.EMAIL:
            delivery.provider = providers.email.name
            return await providers.email.send(
                EmailMessage(
                    reference=reference,
                    to=delivery.to,
                    subject=delivery.subject,
                    text=delivery.text,
                    html=delivery.html,
                    from_name=delivery.from_name,
                    headers=delivery.headers,
                )
            )
        case Channel.SMS:
            delivery.provider = providers.sms.name
            return await providers.sms.send(
                SmsMessage(reference=reference, to=delivery.to, text=delivery.text)
            )
        case _:  # push
            provider = providers.push_for(delivery.to)
            delivery.provider = provider.name
            return await provider.send(
                PushMessage(
                    reference=reference,
                    to=delivery.to,
                    title=delivery.subject,
                    text=delivery.text,
                    data=delivery.data,
                )
            )
