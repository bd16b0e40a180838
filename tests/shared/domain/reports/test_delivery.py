"""Scheduled reports going out: the cron claims each run once however often it runs (across a
daylight-saving change too), and a run mails its PDF, whose text shows the report's figures,
to each recipient with a share link."""

import base64
import io
from datetime import UTC, date, datetime, timedelta

import pytest
from pypdf import PdfReader

from shared.domain.reports.delivery import claim_due, deliver
from shared.domain.reports.settings import ReportSettings
from shared.models.client_report import ClientReport
from shared.utilities.pdf import DEFAULT_CHROMIUM
from shared.utilities.task_names import CLIENT_REPORTS_DELIVER, PLATFORM_MESSAGES_SEND
from tests.factories import create_account
from tests.report_factories import create_report, store_ads_week, weekly
from tests.shared.domain.held import recording

SETTINGS = ReportSettings()


@pytest.fixture
async def account(mongo):
    return await create_account(name="Bakery")


async def test_a_run_across_the_autumn_change_is_claimed_once(account):
    schedule = weekly(hour=1, next_run_at=datetime(2026, 11, 1, 5, tzinfo=UTC))
    report = await create_report(account, schedule=schedule)
    moment, end = datetime(2026, 10, 31, 22, tzinfo=UTC), datetime(2026, 11, 1, 12, tzinfo=UTC)

    async with recording() as sent:
        while moment < end:  # the cron every 15 minutes through the night
            await claim_due(moment, limit=10)
            moment += timedelta(minutes=15)

    [job] = [job for job in sent.jobs if job.name == CLIENT_REPORTS_DELIVER.name]
    assert job.kwargs["due_at"] == "2026-11-01T05:00:00+00:00"
    stored = await ClientReport.get(report.id)
    assert stored.schedule.next_run_at.replace(tzinfo=UTC) == datetime(2026, 11, 8, 6, tzinfo=UTC)


async def test_a_report_not_yet_due_is_left_alone(account):
    await create_report(account, schedule=weekly(next_run_at=datetime(2026, 11, 1, 5, tzinfo=UTC)))

    async with recording() as sent:
        claimed = await claim_due(datetime(2026, 11, 1, 4, 59, tzinfo=UTC), limit=10)

    assert (claimed, sent.jobs) == (0, [])


async def test_a_run_mails_the_pdf_with_the_reports_figures_to_each_recipient(account):
    await store_ads_week(account, date(2026, 3, 1), [10, 20, 30], cost=123_456)
    recipients = ["client@bakery.example", "owner@bakery.example"]
    report = await create_report(account, schedule=weekly(recipients=recipients))

    async with recording() as sent:
        mailed = await deliver(
            str(report.id), datetime(2026, 3, 9, 6, tzinfo=UTC), SETTINGS, DEFAULT_CHROMIUM
        )

    messages = [job.kwargs for job in sent.jobs if job.name == PLATFORM_MESSAGES_SEND.name]
    assert mailed == 2
    assert [(m["event"], m["to"]) for m in messages] == [("client_report", to) for to in recipients]
    assert messages[0]["links"]["report_url"].startswith("/v1/reports/public/")
    [attachment] = messages[0]["attachments"]
    text = " ".join(
        page.extract_text()
        for page in PdfReader(io.BytesIO(base64.b64decode(attachment["content"]))).pages
    )
    assert "Monthly results" in text
    assert "60" in text and "1,234.56 USD" in text  # the clicks' total and the cost
    assert "Spring sale" in text
