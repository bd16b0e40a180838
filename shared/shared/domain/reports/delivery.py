"""Scheduled reports going out (`queue_manager.crons.client_reports`):

- `claim_due`: each report whose schedule's time has come is claimed by a conditional update
  moving its next run on (`schedules.next_run`), so two runs of the cron at once, or one retried,
  claim a run once; a `client_reports.deliver` job is asked for each claimed run.
- `deliver`: the report printed to PDF as of the run's local day and mailed to each recipient
  through the notification service, with a share link; keyed by the report and the run, so a
  retried job mails each recipient once.
"""

import base64
from datetime import datetime, timedelta

from shared.domain.accounts.locale import locale_of
from shared.domain.analytics.repository import account_of
from shared.domain.notifications.platform import tell
from shared.domain.reports import repository
from shared.domain.reports.rendering import local_today, report_pdf
from shared.domain.reports.schedules import next_run
from shared.domain.reports.settings import ReportSettings
from shared.domain.reports.sharing import CLIENT_REPORT, link_key, share_path, share_token
from shared.models.client_report import ClientReport
from shared.utilities.outbox import enqueue_job, flush
from shared.utilities.task_names import CLIENT_REPORTS_DELIVER

EVENT = "client_report"


async def claim_due(now: datetime, limit: int) -> int:
    """How many runs were claimed (each one's delivery asked for)."""
    claimed = 0
    for report in await repository.due_reports(now, limit):
        assert report.schedule and report.schedule.next_run_at, "a due report is scheduled"
        due = report.schedule.next_run_at
        if await repository.claim_run(report, due, next_run(report.schedule, now)):
            enqueue_job(
                CLIENT_REPORTS_DELIVER,
                report_id=str(report.id),
                account_id=str(report.account_id),
                due_at=due.isoformat(),
            )
            await flush()
            claimed += 1
    return claimed


def pdf_attachment(report: ClientReport, pdf: bytes, day: str) -> dict[str, str]:
    return {
        "filename": f"{report.name[:80]} {day}.pdf".replace("/", "-"),
        "content_type": "application/pdf",
        "content": base64.b64encode(pdf).decode(),
    }


async def deliver(
    report_id: str, due_at: datetime, settings: ReportSettings, chromium_path: str
) -> int:
    """How many recipients it was mailed to; none when the report or its schedule is gone."""
    report = await repository.report_by_id(report_id)
    if report is None or report.schedule is None or not report.schedule.recipients:
        return 0
    account = await account_of(report.account_id)
    assert account is not None, "a report's account exists while the report does"
    today = local_today(report, locale_of(account, settings).time_zone, due_at)
    pdf = await report_pdf(report, account, today, chromium_path)
    expires = due_at + timedelta(days=settings.reports_share_days)
    token = share_token(link_key(settings), CLIENT_REPORT, report, report.share_nonce, expires)
    data = {"report_name": report.name, "brand_name": account.branding.name or account.name}
    for recipient in report.schedule.recipients:
        await tell(
            EVENT,
            report.account_id,
            data | {"expires_at": expires.isoformat()},
            to=recipient,
            links={"report_url": share_path(token)},
            key=f"{report.id}:{due_at.isoformat()}",
            attachments=[pdf_attachment(report, pdf, today.isoformat())],
        )
    return len(report.schedule.recipients)
