"""A delivery confirmed as having reached its recipient (a push's receipt), told to whoever
asked to know: the platform's own `new_message` about a support conversation's answer reaching
the customer is their delivery receipt for it (`shared.domain.support.statuses`). Only the
platform's messages count (asked by the queue manager), so a push a user sends themselves,
whatever data it carries, moves no status."""

from shared.domain.support.statuses import delivered_by_notification
from shared.models.notification_delivery import NotificationDelivery

# Who asks for the platform's own messages (`queue_manager.platform_messages.client`).
PLATFORM_MESSAGES_CALLER = "queue_manager"


def reached(delivery: NotificationDelivery) -> None:
    if delivery.requested_by == PLATFORM_MESSAGES_CALLER and delivery.user_id:
        delivered_by_notification(delivery.user_id, delivery.data)
