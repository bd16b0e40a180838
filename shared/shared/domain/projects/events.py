"""What a change to a project's work tells others, sent with the caller's outbox (so nothing
leaves for work that failed):

- live, to the account's room on the general socket, as CRM changes are
  (`shared.domain.activities.live`): `project:created|updated|archived`,
  `board:created|updated|deleted`, `task:created|updated|moved|completed|reopened|deleted`,
  `comment:created|updated|deleted`. A payload names the record, what was done and which
  fields changed, never their values (every user of the account hears the room); a move also
  says where the task went (board, column, position), so a board can follow it.
- to the account's webhooks: `task.created`, `task.updated` (with the fields changed) and
  `task.completed`, each carrying the task as the API reads it.
"""

from collections.abc import Iterable
from typing import Any

from beanie import PydanticObjectId

from shared.domain.projects.schemas import TaskRead
from shared.models.project_task import ProjectTask
from shared.models.webhook_subscription import WebhookEventType
from shared.utilities.events import publish_event
from shared.utilities.outbox import emit
from shared.utilities.realtime import Socket, account_room

WHERE_A_TASK_WENT = ("board_id", "column_id", "position")


def announce(
    account_id: PydanticObjectId,
    kind: str,
    entity_id: PydanticObjectId | None,
    action: str,
    fields: Iterable[str] = (),
    **placed: Any,
) -> None:
    """`<kind>:<action>` with the record's id, the fields changed and what places it
    (`project_id="..."`, JSON values)."""
    data = {"id": str(entity_id), "action": action, "fields": sorted(set(fields)), **placed}
    emit(Socket.GENERAL, f"{kind}:{action}", data, account_room(account_id))


def announce_task(task: ProjectTask, action: str, fields: Iterable[str] = ()) -> None:
    placed: dict[str, Any] = {"project_id": str(task.project_id)}
    if action == "moved":
        went = {name: getattr(task, name) for name in WHERE_A_TASK_WENT}
        placed["to"] = {
            name: value if name == "position" else str(value) for name, value in went.items()
        }
    announce(task.account_id, "task", task.id, action, fields, **placed)


def publish_task(task: ProjectTask, event: WebhookEventType, fields: Iterable[str] = ()) -> None:
    data: dict[str, Any] = {"task": TaskRead.model_validate(task).model_dump(mode="json")}
    if event is WebhookEventType.TASK_UPDATED:
        data["fields"] = sorted(set(fields))
    publish_event(task.account_id, event, data)
