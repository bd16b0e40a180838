"""The platform messages a task sends its users (`shared.domain.notifications.platform`), by
email and push, each unless the user turned it off:

- `task_assigned`: to each user newly assigned, but the one who assigned them;
- `task_mentioned`: to each user a comment mentions, but its author;
- `task_due`: the reminder, to the task's assignees (sent once: `due.send_reminders`).

Each is keyed by what it is about, so a message asked for twice (a retried task) is sent once.
"""

from collections.abc import Collection

from beanie import PydanticObjectId

from shared.domain.accounts import repository as accounts
from shared.domain.notifications import dashboard_paths
from shared.domain.notifications.platform import tell
from shared.models.project_task import ProjectTask

PLATFORM_NAME = "An automation"


async def name_of(user_id: PydanticObjectId | None) -> str:
    user = await accounts.user(user_id) if user_id else None
    return user.name if user else PLATFORM_NAME


def links_of(task: ProjectTask) -> dict[str, str]:
    return {"task_url": dashboard_paths.task(task.project_id, task.id)}


async def tell_assigned(
    task: ProjectTask, user_ids: Collection[PydanticObjectId], assigner_id: PydanticObjectId | None
) -> None:
    recipients = sorted(set(user_ids) - {assigner_id})
    if not recipients:
        return
    data = {
        "assigner_name": await name_of(assigner_id),
        "task_title": task.title,
        "due_date": task.due_at.isoformat() if task.due_at else "",
    }
    key = f"{task.id}:{task.updated_at.isoformat()}"
    await tell(
        "task_assigned", task.account_id, data, user_ids=recipients, links=links_of(task), key=key
    )


async def tell_mentioned(
    task: ProjectTask,
    user_ids: Collection[PydanticObjectId],
    author_id: PydanticObjectId,
    preview: str,
    key: str,
) -> None:
    """`key` names the comment (and its edit) that mentions them."""
    recipients = sorted(set(user_ids) - {author_id})
    if not recipients:
        return
    data = {"author_name": await name_of(author_id), "task_title": task.title, "preview": preview}
    await tell(
        "task_mentioned", task.account_id, data, user_ids=recipients, links=links_of(task), key=key
    )


async def tell_due(task: ProjectTask) -> None:
    if not task.assignee_ids or task.reminder_at is None:
        return
    data = {"task_title": task.title, "due_at": task.due_at.isoformat() if task.due_at else ""}
    await tell(
        "task_due",
        task.account_id,
        data,
        user_ids=task.assignee_ids,
        links=links_of(task),
        key=f"{task.id}:{task.reminder_at.isoformat()}",
    )
