"""Callers of the queue manager's API, and the records behind its jobs."""

import uuid
from datetime import timedelta

from shared.models.base import utc_now
from shared.models.dead_letter import DeadLetter
from shared.models.task_run import TaskRun, TaskStatus
from shared.utilities.auth import authenticator_for, service_token
from shared.utilities.settings import ServiceSettings


def service_headers(name: str = "internal_api", audience: str = "queue_manager") -> dict[str, str]:
    token = service_token(authenticator_for(ServiceSettings()), name, audience)
    return {"authorization": f"Bearer {token}"}


async def create_task_run(**overrides) -> TaskRun:
    fields = {"id": uuid.uuid4().hex, "name": "contacts.import_rows"}
    return await TaskRun(**{**fields, **overrides}).insert()


async def create_dead_letter(**overrides) -> DeadLetter:
    """A dead task and its letter, as the runtime leaves them."""
    fields = {
        "task_id": uuid.uuid4().hex,
        "task_name": "task_runs_cleanup.delete_finished",
        "kwargs": {},
        "error": "Boom: no",
        "attempts": 6,
        "failed_at": utc_now() - timedelta(minutes=1),
    }
    letter = DeadLetter(**{**fields, **overrides})
    await create_task_run(
        id=letter.task_id, name=letter.task_name, status=TaskStatus.DEAD, error=letter.error
    )
    return await letter.insert()
