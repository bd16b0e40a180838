"""OneBalance metering of the account's own email and SMS: a delivery that will be sent is
charged to its account's wallet (`shared.domain.onebalance.charging`, keyed by the delivery, so
once) before it is stored, so a send the wallet cannot cover is refused with 402
`insufficient_balance` and neither stored nor sent. The charge is taken back when storing
fails, and when the provider refuses the message for good: it never left.

The platform's own messages (`PLATFORM_EVENTS`: invitations, password resets, reminders) are
the platform's, never charged; push is free; an account with no wallet is not metered."""

import math

import gsm0338  # noqa: F401 (registers the `gsm03.38` codec)
from beanie import PydanticObjectId

from shared.domain.notifications.platform import PLATFORM_EVENTS
from shared.domain.onebalance.charging import Usage, charge, reverse
from shared.domain.onebalance.rates import MeteredAction
from shared.models.notification_delivery import NotificationDelivery
from shared.models.notification_template import Channel

# A single SMS holds 160 GSM-7 characters (or 70 UCS-2 code units); a long one is sent in
# parts of 153 (67), the rest of each part carrying the header that joins them.
GSM_SINGLE, GSM_PART = 160, 153
UCS2_SINGLE, UCS2_PART = 70, 67


def sms_segments(text: str) -> int:
    try:
        septets = len(text.encode("gsm03.38"))  # an extension character takes two
        single, part = GSM_SINGLE, GSM_PART
    except UnicodeEncodeError:
        septets = len(text.encode("utf-16-le")) // 2
        single, part = UCS2_SINGLE, UCS2_PART
    return 1 if septets <= single else math.ceil(septets / part)


def usage_of(delivery: NotificationDelivery) -> Usage | None:
    if delivery.event in PLATFORM_EVENTS:
        return None
    key = f"{delivery.channel.value}:{delivery.id}"
    if delivery.channel == Channel.EMAIL:
        return Usage(MeteredAction.EMAIL, 1, key, f"email {delivery.event}")
    if delivery.channel == Channel.SMS:
        segments = sms_segments(delivery.text)
        return Usage(MeteredAction.SMS_SEGMENT, segments, key, f"SMS {delivery.event}")
    return None


async def store_charged(delivery: NotificationDelivery, will_be_sent: bool) -> NotificationDelivery:
    """Stores the delivery, charged first when it will be sent (InsufficientBalance: nothing
    is stored)."""
    delivery.id = delivery.id or PydanticObjectId()
    usage = usage_of(delivery) if will_be_sent else None
    if usage is None:
        return await delivery.insert()
    await charge(delivery.account_id, usage)
    try:
        return await delivery.insert()
    except BaseException:
        await reverse(delivery.account_id, usage.key, "the delivery could not be stored")
        raise


async def refund_failed(delivery: NotificationDelivery) -> None:
    """A delivery that failed for good never left: its charge (if any) is taken back, once."""
    usage = usage_of(delivery)
    if usage is not None:
        await reverse(delivery.account_id, usage.key, f"not delivered: {delivery.reason}")
