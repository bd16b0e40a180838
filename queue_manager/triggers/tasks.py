"""`triggers.run_automation`: queued by internal_api for each run it stores pending, with the
run's id as the task id, and again by the `triggers_sweep` cron for a run left pending."""

from typing import Any

from queue_manager.celery import app, settings
from queue_manager.triggers import service
from queue_manager.webhooks.sending import webhook_client
from shared.utilities.task_names import TRIGGERS_RUN_AUTOMATION
from shared.utilities.worker import platform_task


@platform_task(app, TRIGGERS_RUN_AUTOMATION)
async def run_automation(log_id: str) -> dict[str, Any]:
    async with webhook_client(settings) as client:
        return await service.run_automation(log_id, client)
