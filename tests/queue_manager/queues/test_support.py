"""The support queues on a real worker: a receipt's job moves the messages' status (once,
however often it is delivered), and a customer's message reaches the assignee's inbox through
the platform messages and the notification service."""

import uuid

import anyio
import pytest

from queue_manager.celery import app
from queue_manager.celery import settings as queue_manager_settings
from shared.domain.messages.posting import append_message
from shared.models.conversation_message import ConversationMessage, MessageStatus, SenderType
from shared.utilities.tasks import TaskSender
from tests.notifications.conftest import render_pool  # noqa: F401 (a fixture)
from tests.queue_manager.queues.test_platform_messages import (  # noqa: F401 (a fixture)
    emailed,
    notification_service,
)
from tests.support_factories import conversation_of, create_support

WAIT_SECONDS = 30


@pytest.fixture
def sender():
    tasks = TaskSender(queue_manager_settings.redis_url)
    yield tasks
    tasks.close()


async def run(sender: TaskSender, name: str, task_id: str | None = None, **kwargs):
    task_id = await sender.send(name, kwargs, task_id or uuid.uuid4().hex)
    result = app.AsyncResult(task_id)
    return await anyio.to_thread.run_sync(lambda: result.get(timeout=WAIT_SECONDS))


async def test_a_receipt_job_moves_the_status_once(worker, sender):
    support = await create_support()
    conversation = await conversation_of(support)
    answer, _ = await append_message(
        conversation, SenderType.USER, str(support.agent.user.id), "Fixed"
    )
    receipt = {
        "conversation_id": str(conversation.id),
        "reader_id": str(support.customer.user.id),
        "message_id": str(answer.id),
        "status": "read",
    }

    first = await run(sender, "support_message_status.record", **receipt)
    again = await run(sender, "support_message_status.record", **receipt)

    assert (first, again) == (1, 0)
    assert (await ConversationMessage.get(answer.id)).delivery.status is MessageStatus.READ


async def test_a_customers_message_reaches_the_assignee(worker, sender, notification_service):  # noqa: F811
    support = await create_support()
    conversation = await conversation_of(support, assignee_id=support.agent.user.id)
    question, _ = await append_message(
        conversation, SenderType.USER, str(support.customer.user.id), "Where is my invoice?"
    )

    told = await run(
        sender,
        "support_notification.notify",
        conversation_id=str(conversation.id),
        message_id=str(question.id),
    )

    assert told == {"told": str(question.id)}
    email = await emailed(support.agency.id, support.agent.user.email)
    assert email.subject == "Acme: Invoice question"
    assert "Where is my invoice?" in email.text
    assert f"/support/conversations/{conversation.id}" in email.text
