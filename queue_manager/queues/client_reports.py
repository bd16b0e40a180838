"""Queue `client_reports` (QM_CLIENT_REPORTS): the cron claiming scheduled reports whose time
has come (`shared.domain.reports.delivery.claim_due`: each run once, however often the cron
runs), and each claimed run printed by headless Chromium and mailed to its recipients."""

from datetime import datetime

from queue_manager.celery import app, settings
from shared.domain.reports.delivery import claim_due, deliver
from shared.models.base import utc_now
from shared.utilities.task_names import CLIENT_REPORTS_DELIVER, CLIENT_REPORTS_SEND_DUE
from shared.utilities.worker import platform_task

# Runs claimed per cron run; what is left comes next time.
BATCH = 200


@platform_task(app, CLIENT_REPORTS_SEND_DUE)
async def send_due() -> dict[str, int]:
    return {"claimed": await claim_due(utc_now(), BATCH)}


@platform_task(app, CLIENT_REPORTS_DELIVER)
async def deliver_report(report_id: str, account_id: str, due_at: str) -> dict[str, int]:
    """How many recipients the run was mailed to."""
    sent = await deliver(
        report_id, datetime.fromisoformat(due_at), settings, settings.chromium_path
    )
    return {"recipients": sent}
