"""What the projects cron does each minute (`queue_manager.crons.projects`), for every
account (it acts for the platform):

- `send_reminders`: each open task whose reminder time has come is reminded to its assignees
  once. The reminder is claimed first by a conditional update (unsent, for the reminder time
  it was read with), so two runs at once, or a run retried after a failure, send it once; its
  message is keyed by the task and the reminder time as well. A new reminder time on the task
  sends again.
- `make_next_occurrences`: each recurring task whose due date has come gets its next
  occurrence (`recurrence.next_due`) through the task write path, keyed by the task it follows
  (`origin_key`), then linked from it: made once whatever fails between the two.

What each item sets off is sent before the next one is read (`flush`), so a failure later in a
run loses nothing already done.
"""

import logging
from datetime import datetime

from shared.domain.accounts.users import users_among
from shared.domain.projects import notices, repository
from shared.domain.projects.recurrence import next_due
from shared.domain.projects.repository import BoardRepository, TaskRepository
from shared.domain.projects.writing import open_task
from shared.models.project_task import ChecklistItem, ProjectTask
from shared.utilities.errors import DomainError
from shared.utilities.outbox import flush

logger = logging.getLogger(__name__)


async def send_reminders(now: datetime, limit: int) -> int:
    """How many reminders were sent."""
    sent = 0
    for task in await repository.reminders_due(now, limit):
        if await repository.claim_reminder(task, now):
            await notices.tell_due(task)
            await flush()
            sent += 1
    return sent


async def make_next_occurrences(now: datetime, limit: int) -> int:
    """How many next occurrences were made. A task whose next one cannot be made (its project
    archived) stops recurring, saying why in the log."""
    made = 0
    for task in await repository.recurring_due(now, limit):
        try:
            following, _ = await open_task(await next_occurrence(task, now), None, notify=False)
        except DomainError as error:
            logger.warning("task %s stops recurring: %s", task.id, error.message)
            await repository.end_recurrence(task)
            continue
        await repository.link_next_occurrence(task, following.id)
        await flush()
        made += 1
    return made


async def next_occurrence(task: ProjectTask, now: datetime) -> ProjectTask:
    """The task again, due next, at the end of its board's first column, unchecked; with
    those of its assignees and links still in the account."""
    assert task.due_at is not None and task.recurrence is not None, "a recurring task"
    due_at = next_due(task.due_at, task.time_zone, task.recurrence, now)
    board = await BoardRepository(task.account_id).get(task.board_id)
    tasks = TaskRepository(task.account_id)
    assignees = await users_among(task.account_id, task.assignee_ids)
    lead = task.due_at - task.reminder_at if task.reminder_at else None
    contact_live = task.contact_id and await tasks.live_contact(task.contact_id)
    return ProjectTask(
        account_id=task.account_id,
        project_id=task.project_id,
        board_id=board.id,
        column_id=board.columns[0].id,
        position=0,
        parent_id=task.parent_id,
        title=task.title,
        description=task.description,
        assignee_ids=[user_id for user_id in task.assignee_ids if user_id in assignees],
        due_at=due_at,
        reminder_at=due_at - lead if lead is not None else None,
        time_zone=task.time_zone,
        priority=task.priority,
        labels=task.labels,
        checklist=[ChecklistItem(text=item.text) for item in task.checklist],
        contact_id=task.contact_id if contact_live else None,
        deal_id=task.deal_id if task.deal_id and await tasks.deal(task.deal_id) else None,
        recurrence=task.recurrence,
        origin_key=f"recurrence:{task.id}",
    )
