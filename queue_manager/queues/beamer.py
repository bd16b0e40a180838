"""Queue `beamer` (QM_BEAMER): an announcement an operator published posted to the platform's
Beamer by the external API, which holds the Beamer key; once, however often it runs. An
announcement deleted meanwhile needs nothing."""

from typing import Any

from queue_manager.celery import app
from queue_manager.external.client import call
from shared.utilities.task_names import BEAMER_POST
from shared.utilities.worker import platform_task


@platform_task(app, BEAMER_POST)
async def post(announcement_id: str) -> dict[str, Any] | None:
    path = f"/v1/e/beamer/announcements/{announcement_id}"
    return await call("POST", path, expected=frozenset({404}))
