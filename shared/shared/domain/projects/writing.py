"""The one write path of a project's tasks, whichever process writes them (the API, an
automation run, the recurrence cron):

    task = ProjectTask(account_id=..., project_id=..., board_id=..., column_id=...,
                       position=0, title="Call back", assignee_ids=[...])
    task, created = await open_task(task, actor_id=user_id)   # None: the platform

Each write is checked (`checks`), then stored, then told (`events`, `notices`): live to the
account's room, to its webhooks (`task.created`, `task.updated`, `task.completed`), and to the
users newly assigned. A task with an `origin_key` (an automation run's action, a recurring
task's previous occurrence) is made once: made again, the one already stored is answered and
told again (a retried task's first attempt sent nothing: its outbox went with its failure).
"""

from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.domain.projects import notices
from shared.domain.projects.checks import check_task, live_project, settle
from shared.domain.projects.errors import ColumnNotFound
from shared.domain.projects.events import WHERE_A_TASK_WENT, announce_task, publish_task
from shared.domain.projects.positions import ColumnPositions
from shared.domain.projects.repository import BoardRepository, TaskRepository, delete_task_records
from shared.models.base import utc_now
from shared.models.project_board import ProjectBoard
from shared.models.project_task import ProjectTask
from shared.models.webhook_subscription import WebhookEventType

# Written by others than the task's editors (the moves beside it, time entries, the cron).
UNTRACKED = {
    "id",
    "revision_id",
    "created_at",
    "updated_at",
    "position",
    "logged_minutes",
    "created_by",
    "origin_key",
    "reminder_sent_at",
    "next_occurrence_id",
}


def snapshot(task: ProjectTask) -> dict[str, Any]:
    return task.model_dump(mode="json", exclude=UNTRACKED)


def changed_fields(before: dict[str, Any], after: dict[str, Any]) -> list[str]:
    return sorted(
        name for name in before.keys() | after.keys() if before.get(name) != after.get(name)
    )


async def open_task(
    task: ProjectTask,
    actor_id: PydanticObjectId | None,
    wanted: int | None = None,
    *,
    notify: bool = True,
) -> tuple[ProjectTask, bool]:
    """The task stored at `wanted` in its column (the end when None), and whether it is new.
    `notify` False: its assignees are not told (a recurring task's next occurrence)."""
    tasks = TaskRepository(task.account_id)
    if task.origin_key and (earlier := await tasks.by_origin(task.origin_key)):
        await created(earlier, notify)
        return earlier, False
    await check_task(task)
    settle(task)
    task.created_by = actor_id
    positions = ColumnPositions(tasks)
    task.position = await positions.open_slot(task.column_id, wanted)
    try:
        await task.insert()
    except DuplicateKeyError:
        # Made meanwhile from the same origin, by a racing writer who tells of it.
        await positions.close_slot(task)
        winner = await tasks.by_origin(task.origin_key or "")
        assert winner is not None, "a task is found by the key that refused this one"
        return winner, False
    await created(task, notify)
    return task, True


async def created(task: ProjectTask, notify: bool) -> None:
    announce_task(task, "created")
    publish_task(task, WebhookEventType.TASK_CREATED)
    if notify:
        await notices.tell_assigned(task, task.assignee_ids, task.created_by)


async def change_task(
    task: ProjectTask, changes: dict[str, Any], actor_id: PydanticObjectId | None
) -> ProjectTask:
    """Only the fields given change (typed as the model stores them); a new reminder time is
    sent anew. Saved and told only when something changed."""
    before, was_assigned = snapshot(task), set(task.assignee_ids)
    was_reminded_at = task.reminder_at
    for name, value in changes.items():
        setattr(task, name, value)
    if "due_at" in changes and task.recurrence is not None:
        # A new due date starts the series anew from it.
        task.recurrence = task.recurrence.model_copy(update={"starts_at": None})
    await check_task(task, changes.keys())
    settle(task, changes.keys())
    fields = changed_fields(before, snapshot(task))
    if not fields:
        return task
    resent = ["reminder_sent_at"] if task.reminder_at != was_reminded_at else []
    task.reminder_sent_at = None if resent else task.reminder_sent_at
    await TaskRepository(task.account_id).write(task, [*fields, *resent])
    announce_task(task, "updated", fields)
    publish_task(task, WebhookEventType.TASK_UPDATED, fields)
    await notices.tell_assigned(task, set(task.assignee_ids) - was_assigned, actor_id)
    return task


async def set_completed(task: ProjectTask, done: bool) -> ProjectTask:
    """Completed (now) or reopened; nothing when it already is."""
    if (task.completed_at is not None) == done:
        return task
    await live_project(task.account_id, task.project_id)
    task.completed_at = utc_now() if done else None
    await TaskRepository(task.account_id).write(task, ["completed_at"])
    completed(task)
    return task


def completed(task: ProjectTask) -> None:
    if task.completed_at is not None:
        announce_task(task, "completed", ["completed_at"])
        publish_task(task, WebhookEventType.TASK_COMPLETED)
    else:
        announce_task(task, "reopened", ["completed_at"])
        publish_task(task, WebhookEventType.TASK_UPDATED, ["completed_at"])


async def move_task(
    task: ProjectTask, board: ProjectBoard, column_id: PydanticObjectId, wanted: int | None
) -> ProjectTask:
    """Onto a column of one of the project's boards, at a position (the end by default).
    Into a done column the task is completed; out of one, reopened."""
    await live_project(task.account_id, task.project_id)
    column = board.column(column_id)
    if column is None or board.project_id != task.project_id:
        raise ColumnNotFound(f"Column {column_id} is not on this board.")
    source = await BoardRepository(task.account_id).find_by_id(task.board_id)
    left_done = bool(source and (was := source.column(task.column_id)) and was.done)
    across = (task.board_id, task.column_id) != (board.id, column.id)
    await ColumnPositions(TaskRepository(task.account_id)).move(task, board.id, column.id, wanted)
    finishes = column.done and task.completed_at is None
    reopens = left_done and not column.done and task.completed_at is not None
    if finishes or reopens:
        task.completed_at = utc_now() if finishes else None
    await TaskRepository(task.account_id).write(task, [*WHERE_A_TASK_WENT, "completed_at"])
    announce_task(task, "moved", ["board_id", "column_id", "position"])
    if across:
        publish_task(task, WebhookEventType.TASK_UPDATED, ["board_id", "column_id"])
    if finishes or reopens:
        completed(task)
    return task


async def delete_task(task: ProjectTask) -> None:
    """The task with its sub-tasks, their comments and time entries; the tasks of their
    columns close up."""
    await live_project(task.account_id, task.project_id)
    tasks = TaskRepository(task.account_id)
    positions = ColumnPositions(tasks)
    sub_task_ids = await tasks.sub_task_ids(task.id) if task.id else []
    for doomed in [*[await tasks.get(sub_id) for sub_id in sub_task_ids], task]:
        await doomed.delete()
        await positions.close_slot(doomed)
        announce_task(doomed, "deleted")
    await delete_task_records(task.account_id, [*sub_task_ids, task.id])
