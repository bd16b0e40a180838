"""Queue `platform_messages` (QM_PLATFORM_MESSAGES): the platform's own emails and pushes, asked
for with `shared.domain.notifications.platform.tell`, each handed to the notification service
(`queue_manager.platform_messages.client`), which renders, applies preferences and sends.

The task id names the message when its asker gave a key, so a message asked for twice is one
task; the notification service being away is retried with backoff, its refusal dead-lettered.
"""

from queue_manager.celery import app
from queue_manager.platform_messages.client import PlatformMessage, send
from shared.utilities.task_names import PLATFORM_MESSAGES_SEND
from shared.utilities.worker import platform_task


@platform_task(app, PLATFORM_MESSAGES_SEND)
async def send_platform_message(
    event: str,
    channel: str,
    account_id: str,
    to: str | None = None,
    user_id: str | None = None,
    data: dict[str, str] | None = None,
    links: dict[str, str] | None = None,
    attachments: list[dict[str, str]] | None = None,
) -> dict:
    message = PlatformMessage(
        event, channel, account_id, to, user_id, data or {}, links or {}, attachments or []
    )
    return await send(message)
