"""The support crons on a real worker, sent by name on their queues: a snoozed conversation
whose time has come opens again, and a long wait is flagged, each once however often the cron
runs."""

import os
import uuid
from datetime import timedelta

import anyio
import pytest

from queue_manager.celery import app
from shared.models.base import utc_now
from shared.models.conversation import Conversation, SupportStatus
from shared.utilities.tasks import TaskSender
from tests.support_factories import conversation_of, create_support

WAIT_SECONDS = 30


@pytest.fixture
def sender():
    tasks = TaskSender(os.environ["REDIS_URL"])
    yield tasks
    tasks.close()


async def run_cron(sender: TaskSender, name: str) -> int:
    task_id = await sender.send(name, {}, uuid.uuid4().hex)
    result = app.AsyncResult(task_id)
    return await anyio.to_thread.run_sync(lambda: result.get(timeout=WAIT_SECONDS))


async def test_the_cron_opens_a_snoozed_conversation_again_when_its_time_comes(worker, sender):
    support = await create_support()
    due = await conversation_of(
        support,
        status=SupportStatus.SNOOZED,
        snoozed_until=utc_now() - timedelta(seconds=1),
        snooze_time_zone="Europe/Paris",
    )
    later = await conversation_of(
        support,
        status=SupportStatus.SNOOZED,
        snoozed_until=utc_now() + timedelta(hours=1),
        snooze_time_zone="Europe/Paris",
    )

    first = await run_cron(sender, "support_snooze.reopen_due")
    second = await run_cron(sender, "support_snooze.reopen_due")

    assert (first, second) == (1, 0)
    woken = (await Conversation.get(due.id)).support
    assert (woken.status, woken.snoozed_until) == (SupportStatus.OPEN, None)
    assert (await Conversation.get(later.id)).support.status is SupportStatus.SNOOZED


async def test_the_communication_check_flags_a_long_wait_once(worker, sender):
    support = await create_support()
    conversation = await conversation_of(
        support, awaiting_reply_since=utc_now() - timedelta(hours=2)
    )

    first = await run_cron(sender, "support_communication_check.flag_waiting")
    second = await run_cron(sender, "support_communication_check.flag_waiting")

    assert (first, second) == (1, 0)
    assert (await Conversation.get(conversation.id)).support.overdue_since is not None
