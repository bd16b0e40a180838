"""The booking_reminders cron on a real worker, with the notification service on a real port
(no provider: what it sends lands in its outbox): a due reminder reaches the invitee once,
even when the sweep's task died after asking for it and was retried, and another sweep runs."""

import os
import uuid
from datetime import timedelta

import anyio
import pytest

from queue_manager.celery import app
from shared.domain.scheduling import reminders
from shared.domain.scheduling.booking import book
from shared.domain.scheduling.settings import SchedulingSettings
from shared.models.base import utc_now
from shared.models.booking import Booking
from shared.models.notification_outbox import OutboxMessage
from shared.utilities.tasks import TaskSender
from tests.factories import create_account, create_user
from tests.notifications.conftest import render_pool  # noqa: F401 (a fixture)
from tests.queue_manager.queues.conftest import eventually
from tests.queue_manager.queues.test_platform_messages import notification_service  # noqa: F401
from tests.shared.domain.held import holding
from tests.shared.domain.scheduling.factories import (
    create_event_type,
    create_schedule,
    days_ahead,
    local,
    request,
)

WAIT_SECONDS = 30


@pytest.fixture
def sender():
    tasks = TaskSender(os.environ["REDIS_URL"])
    yield tasks
    tasks.close()


async def sweep(sender: TaskSender):
    task_id = await sender.send("booking_reminders.send_due", {}, uuid.uuid4().hex)
    result = app.AsyncResult(task_id)
    return await anyio.to_thread.run_sync(lambda: result.get(timeout=WAIT_SECONDS, propagate=False))


@pytest.fixture
async def due_booking(mongo) -> Booking:
    """A booking whose hour-before reminder came due a minute ago."""
    account, host = await create_account(), await create_user()
    event_type = await create_event_type(
        account, (host, await create_schedule(account, host)), reminder_minutes=[60]
    )
    async with holding():
        made = await book(
            str(event_type.id),
            request(local(days_ahead(7), "10:00", "Europe/Paris")),
            busy_times=None,
            settings=SchedulingSettings(),
        )
    booking = made.booking
    booking.reminders[0].due_at = utc_now() - timedelta(minutes=1)
    await booking.save()
    return booking


async def reminders_sent(booking: Booking) -> list[OutboxMessage]:
    return await OutboxMessage.find(
        {"account_id": booking.account_id, "subject": {"$regex": "^Reminder"}}
    ).to_list()


async def test_a_reminder_reaches_the_invitee_once_though_its_sweep_died_and_was_retried(
    worker,
    sender,
    notification_service,  # noqa: F811 (the fixture imported)
    due_booking,
    monkeypatch,
):
    recording, deaths = reminders.mark_reminder_sent, []

    async def dying_once(*args):
        if not deaths:
            deaths.append(args)
            raise ConnectionError("the database went away")  # after asking for the reminder
        return await recording(*args)

    monkeypatch.setattr(reminders, "mark_reminder_sent", dying_once)

    # Its retry asks again, under the same task ids; the next sweep finds it recorded.
    assert await sweep(sender) == {"reminders": 1, "completed": 0}
    assert await sweep(sender) == {"reminders": 0, "completed": 0}

    async def delivered() -> bool:
        return len(await reminders_sent(due_booking)) >= 1

    await eventually(delivered)
    await anyio.sleep(1)  # room for a second delivery, were one coming
    [message] = await reminders_sent(due_booking)
    assert message.to == "ada@example.com"
    assert "Discovery call" in message.subject
    assert len(deaths) == 1
    stored = await Booking.get(due_booking.id)
    assert stored.reminders[0].sent_at is not None
