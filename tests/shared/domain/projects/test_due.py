"""The projects cron's work: each reminder that has come sent once to the task's assignees,
whether the task runs twice at once or is retried; each recurring task's next occurrence made
once, due next at the same local time."""

import asyncio
from datetime import UTC, datetime, timedelta

import pytest

from shared.domain.projects.due import make_next_occurrences, send_reminders
from shared.domain.projects.writing import change_task
from shared.models.base import utc_now
from shared.models.project_task import Frequency, ProjectTask, Recurrence
from tests.factories import create_signed_in
from tests.project_factories import create_project, create_task
from tests.shared.domain.held import events, platform_messages, recording

BATCH = 100


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


@pytest.fixture
async def board(owner):
    _, board = await create_project(owner.account)
    return board


def minutes_ago(minutes: int) -> datetime:
    return utc_now() - timedelta(minutes=minutes)


async def reminded_in_one_run() -> list[tuple[str, str, str | None]]:
    """What one run of the reminders sends, from a task's outbox of its own."""
    async with recording() as sent:
        await send_reminders(utc_now(), BATCH)
    return platform_messages(sent)


async def test_a_reminder_that_has_come_goes_to_the_assignees(board, owner):
    task = await create_task(board, assignee_ids=[owner.user.id], reminder_at=minutes_ago(1))

    sent = await reminded_in_one_run()

    assert sent == [
        ("task_due", "email", str(owner.user.id)),
        ("task_due", "push", str(owner.user.id)),
    ]
    assert (await ProjectTask.get(task.id)).reminder_sent_at is not None


async def test_a_reminder_is_sent_once_however_often_the_task_is_retried(board, owner):
    await create_task(board, assignee_ids=[owner.user.id], reminder_at=minutes_ago(1))

    first = await reminded_in_one_run()
    retried = await reminded_in_one_run()

    assert (len(first), retried) == (2, [])


async def test_two_runs_at_once_send_a_reminder_once(board, owner):
    await create_task(board, assignee_ids=[owner.user.id], reminder_at=minutes_ago(1))

    both = await asyncio.gather(reminded_in_one_run(), reminded_in_one_run())

    assert sorted(len(sent) for sent in both) == [0, 2]


async def test_a_reminder_still_to_come_or_of_a_completed_task_is_not_sent(board, owner):
    soon = utc_now() + timedelta(minutes=5)
    await create_task(board, assignee_ids=[owner.user.id], reminder_at=soon)
    await create_task(
        board, assignee_ids=[owner.user.id], reminder_at=minutes_ago(1), completed_at=utc_now()
    )

    assert await reminded_in_one_run() == []


async def test_a_new_reminder_time_is_sent_anew(board, owner, outbox):
    task = await create_task(board, assignee_ids=[owner.user.id], reminder_at=minutes_ago(10))
    await reminded_in_one_run()

    await change_task(task, {"reminder_at": minutes_ago(1)}, owner.user.id)

    assert len(await reminded_in_one_run()) == 2


async def recurring(board, due_at: datetime, **overrides) -> ProjectTask:
    rule = Recurrence(frequency=Frequency.DAILY, starts_at=due_at)
    return await create_task(
        board, due_at=due_at, time_zone="Europe/Paris", recurrence=rule, **overrides
    )


async def test_a_recurring_task_due_gets_its_next_occurrence_once(board, owner):
    # 09:00 in Paris on the Saturday before the clocks go forward.
    due_at = datetime(2026, 3, 28, 8, 0, tzinfo=UTC)
    task = await recurring(
        board, due_at, assignee_ids=[owner.user.id], reminder_at=due_at - timedelta(hours=1)
    )
    now = due_at + timedelta(minutes=1)

    async with recording() as sent:
        made = await make_next_occurrences(now, BATCH)
        again = await make_next_occurrences(now, BATCH)

    following = await ProjectTask.find_one({"origin_key": f"recurrence:{task.id}"})
    assert (made, again) == (1, 0)
    assert following.due_at == datetime(2026, 3, 29, 7, 0, tzinfo=UTC)  # 09:00 CEST
    assert following.reminder_at == datetime(2026, 3, 29, 6, 0, tzinfo=UTC)
    assert (following.assignee_ids, following.completed_at) == ([owner.user.id], None)
    assert (await ProjectTask.get(task.id)).next_occurrence_id == following.id
    assert [event["type"] for event in events(sent)] == ["task.created"]
    assert platform_messages(sent) == []  # the assignees hear of it by its reminder


async def test_an_occurrence_made_before_a_crash_is_linked_not_made_again(board):
    due_at = minutes_ago(5)
    task = await recurring(board, due_at)
    async with recording():
        await make_next_occurrences(utc_now(), BATCH)
    # As if the run had died between making the occurrence and linking it.
    await ProjectTask.find_one({"_id": task.id}).update({"$set": {"next_occurrence_id": None}})

    async with recording():
        await make_next_occurrences(utc_now(), BATCH)

    assert await ProjectTask.find({"origin_key": f"recurrence:{task.id}"}).count() == 1
    assert (await ProjectTask.get(task.id)).next_occurrence_id is not None


async def test_a_recurring_task_of_an_archived_project_stops_recurring(owner):
    _, board = await create_project(owner.account, archived_at=utc_now())
    task = await recurring(board, minutes_ago(5))

    async with recording():
        made = await make_next_occurrences(utc_now(), BATCH)

    assert made == 0
    assert (await ProjectTask.get(task.id)).recurrence is None


async def test_an_edit_read_before_the_reminder_went_does_not_send_it_again(board, owner, outbox):
    task = await create_task(board, assignee_ids=[owner.user.id], reminder_at=minutes_ago(1))
    read_by_the_editor = await ProjectTask.get(task.id)
    await reminded_in_one_run()

    await change_task(read_by_the_editor, {"title": "Call back"}, owner.user.id)

    assert await reminded_in_one_run() == []
    assert (await ProjectTask.get(task.id)).title == "Call back"
