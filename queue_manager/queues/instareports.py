"""Queue `instareport_build` (QM_INSTAREPORT_BUILD): a queued InstaReport built
(`shared.domain.instareports.building`: claimed once, so a retried or duplicated task builds
it once)."""

from queue_manager.celery import app, settings
from queue_manager.instareports.lookups import LOOKUPS
from shared.domain.instareports.building import build
from shared.utilities.task_names import INSTAREPORT_BUILD_RUN
from shared.utilities.worker import platform_task


@platform_task(app, INSTAREPORT_BUILD_RUN, max_retries=0)
async def run(report_id: str, account_id: str) -> dict:
    """The report's status and score; a failure is recorded on the report, not retried (the
    user asks for a new one)."""
    report = await build(report_id, settings, LOOKUPS)
    if report is None:
        return {"skipped": "no such report"}
    return {"status": report.status.value, "score": report.score}
