"""Reminders go once each, when due: by email, and by SMS when the event type says so; a
sweep run again, or retried after dying half-way, asks for them under the same task ids and
records each once."""

from dataclasses import dataclass, field
from datetime import timedelta

import pytest

from shared.domain.scheduling import reminders as reminders_module
from shared.domain.scheduling.booking import book
from shared.domain.scheduling.reminders import send_due_reminders
from shared.domain.scheduling.settings import SchedulingSettings
from shared.models.booking import Booking
from shared.utilities.outbox import Senders, collecting
from tests.factories import create_account, create_user
from tests.shared.domain.held import holding
from tests.shared.domain.scheduling.factories import (
    create_event_type,
    create_schedule,
    days_ahead,
    local,
    request,
)

SETTINGS = SchedulingSettings()
DAY = days_ahead(7)
TEN = local(DAY, "10:00", "Europe/Paris")


@pytest.fixture
async def booking(mongo):
    account, host = await create_account(), await create_user()
    schedule = await create_schedule(account, host)
    event_type = await create_event_type(
        account, (host, schedule), reminder_minutes=[1440, 60], sms_reminders=True
    )
    async with holding():
        made = await book(
            str(event_type.id),
            request(TEN, phone="+33612345678"),
            busy_times=None,
            settings=SETTINGS,
        )
    return made.booking


@dataclass
class Sent:
    """What left the outbox, recorded: (task name, kwargs, task id)."""

    jobs: list[tuple[str, dict, str | None]] = field(default_factory=list)

    async def send(self, name, kwargs, task_id=None, countdown=None) -> str:
        self.jobs.append((name, kwargs, task_id))
        return task_id or ""

    async def emit(self, socket, event, data, room) -> None:
        pass


async def swept(at, sent: Sent | None = None) -> tuple[int, list[tuple[str, dict, str | None]]]:
    """One run of the sweep at `at`: how many it sent, and the jobs that left its outbox."""
    sent = sent or Sent()
    async with collecting(Senders(tasks=sent, emitter=sent)):  # type: ignore[arg-type]  # a recording stand-in
        count = await send_due_reminders(at, SETTINGS, 100)
    return count, sent.jobs


async def test_a_due_reminder_goes_by_email_and_sms_and_the_next_waits(booking):
    sent, jobs = await swept(TEN - timedelta(hours=23))

    assert sent == 1
    assert [(kwargs["event"], kwargs["to"]) for _, kwargs, _ in jobs] == [
        ("booking_reminder", "ada@example.com"),
        ("booking_reminder_sms", "+33612345678"),
    ]
    stored = await Booking.get(booking.id)
    assert [reminder.sent_at is not None for reminder in stored.reminders] == [True, False]


async def test_a_second_sweep_sends_nothing_more(booking):
    await swept(TEN - timedelta(hours=23))

    sent, jobs = await swept(TEN - timedelta(hours=22))

    assert (sent, jobs) == (0, [])


async def test_a_sweep_retried_after_dying_before_recording_asks_again_under_the_same_ids(
    booking, monkeypatch
):
    recording = reminders_module.mark_reminder_sent

    async def dying(*args):
        raise ConnectionError("the database went away")

    monkeypatch.setattr(reminders_module, "mark_reminder_sent", dying)
    died = Sent()
    with pytest.raises(ConnectionError):
        await swept(TEN - timedelta(hours=23), died)
    monkeypatch.setattr(reminders_module, "mark_reminder_sent", recording)

    sent, jobs = await swept(TEN - timedelta(hours=23))

    ids = {
        f"booking_reminder:{booking.id}:reminder:1440:ada@example.com:email",
        f"booking_reminder_sms:{booking.id}:reminder:1440:+33612345678:sms",
    }
    # Both runs asked for the same tasks: the worker runs each task id once.
    assert {task_id for _, _, task_id in died.jobs} == {task_id for _, _, task_id in jobs} == ids
    assert sent == 1
    assert (await swept(TEN - timedelta(hours=23)))[0] == 0


async def test_a_reminder_due_once_the_meeting_began_is_recorded_not_sent(booking):
    sent, jobs = await swept(TEN + timedelta(minutes=5))

    assert (sent, jobs) == (0, [])
    stored = await Booking.get(booking.id)
    assert all(reminder.sent_at is not None for reminder in stored.reminders)


async def test_a_cancelled_bookings_reminders_are_not_sent(booking):
    await Booking.find_one({"_id": booking.id}).update({"$set": {"status": "cancelled"}})

    sent, jobs = await swept(TEN - timedelta(minutes=30))

    assert (sent, jobs) == (0, [])
