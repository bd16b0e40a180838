"""The support inbox's queues:

- `support_message_status` (QM_SUPPORT_MESSAGE_STATUS): a receipt (delivered, read) moves the
  other side's messages' status forward (`shared.domain.support.statuses`);
- `support_notification` (QM_SUPPORT_NOTIFICATION): a customer's new message told to the
  conversation's assignee, or its team (`shared.domain.support.notices`).

Both are keyed by what they are about (the task id), and do nothing twice: a status only moves
forward, and the platform message is keyed by the customer's message.
"""

from queue_manager.celery import app
from shared.domain.support import repository, statuses
from shared.domain.support.notices import tell_team_of_message
from shared.utilities.task_names import SUPPORT_MESSAGE_STATUS_RECORD, SUPPORT_NOTIFICATION_NOTIFY
from shared.utilities.worker import platform_task


@platform_task(app, SUPPORT_MESSAGE_STATUS_RECORD)
async def record_status(conversation_id: str, reader_id: str, message_id: str, status: str) -> int:
    """How many messages moved."""
    return await statuses.record(conversation_id, reader_id, message_id, status)


@platform_task(app, SUPPORT_NOTIFICATION_NOTIFY)
async def notify(conversation_id: str, message_id: str) -> dict:
    conversation = await repository.support_conversation(conversation_id)
    message = conversation and await repository.message(conversation.id, message_id)
    if conversation is None or message is None:
        return {"skipped": "the conversation or its message no longer exists"}
    await tell_team_of_message(conversation, message)
    return {"told": str(message.id)}
