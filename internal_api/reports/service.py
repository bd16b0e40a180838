"""Client reports: defined, changed and removed by the account's users; previewed as HTML,
printed to PDF, shared by signed links and scheduled, each through `shared.domain.reports`."""

import secrets
from datetime import date, datetime, timedelta

from pydantic import ValidationError

from internal_api.reports.errors import ReportInvalid, TooManyWidgets
from internal_api.reports.schemas import (
    ClientReportCreate,
    ClientReportUpdate,
    ScheduleWrite,
    ShareCreate,
    ShareRead,
)
from internal_api.settings import InternalApiSettings
from shared.domain.accounts.locale import locale_of
from shared.domain.analytics.repository import account_of
from shared.domain.reports.rendering import local_today, report_html, report_pdf
from shared.domain.reports.repository import ClientReportRepository, report_by_id
from shared.domain.reports.schedules import next_run
from shared.domain.reports.sharing import (
    CLIENT_REPORT,
    link_key,
    share_path,
    share_token,
    shared_document,
)
from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.client_report import ClientReport, ReportSchedule
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams


def schedule_of(given: ScheduleWrite | None, now: datetime) -> ReportSchedule | None:
    if given is None:
        return None
    schedule = ReportSchedule(**given.model_dump(mode="json"))
    schedule.next_run_at = next_run(schedule, now)
    return schedule


def check_widgets(body: ClientReportCreate, settings: InternalApiSettings) -> None:
    if len(body.widgets) > settings.reports_max_widgets:
        raise TooManyWidgets(
            f"A report has {settings.reports_max_widgets} widgets at most.",
            details=[{"field": "widgets", "message": f"at most {settings.reports_max_widgets}"}],
        )


def fields_of(body: ClientReportCreate, now: datetime) -> dict:
    fields = body.model_dump(exclude={"schedule"})
    return fields | {"schedule": schedule_of(body.schedule, now)}


async def create_report(
    principal: Principal, body: ClientReportCreate, settings: InternalApiSettings
) -> ClientReport:
    check_widgets(body, settings)
    fields = fields_of(body, utc_now()) | {"share_nonce": secrets.token_urlsafe(16)}
    return await ClientReportRepository(principal.account_id).create(**fields)


async def list_reports(principal: Principal, params: PageParams) -> Page[ClientReport]:
    return await ClientReportRepository(principal.account_id).paginate(params)


async def get_report(principal: Principal, report_id: str) -> ClientReport:
    return await ClientReportRepository(principal.account_id).get(report_id)


def changed(report: ClientReport, body: ClientReportUpdate) -> ClientReportCreate:
    """The report with the changes sent, checked whole as a new one would be."""
    current = report.model_dump(mode="json", include=set(ClientReportCreate.model_fields))
    if report.schedule:
        current["schedule"] = report.schedule.model_dump(
            mode="json", include=set(ScheduleWrite.model_fields)
        )
    sent = body.model_dump(mode="json", include=body.model_fields_set)
    try:
        return ClientReportCreate.model_validate(current | sent)
    except ValidationError as error:
        details = [
            {"field": ".".join(map(str, problem["loc"])), "message": problem["msg"]}
            for problem in error.errors()
        ]
        raise ReportInvalid("The report as changed is not valid.", details=details) from None


async def update_report(
    principal: Principal, report_id: str, body: ClientReportUpdate, settings: InternalApiSettings
) -> ClientReport:
    report = await get_report(principal, report_id)
    whole = changed(report, body)
    check_widgets(whole, settings)
    fields = fields_of(whole, utc_now())
    if "schedule" not in body.model_fields_set:
        fields["schedule"] = report.schedule  # its next run stays as it was
    for name, value in fields.items():
        setattr(report, name, value)
    await report.save()
    return report


async def delete_report(principal: Principal, report_id: str) -> None:
    await ClientReportRepository(principal.account_id).delete(report_id)


async def page_of(
    report: ClientReport, settings: InternalApiSettings, now: datetime
) -> tuple[Account, date]:
    """The report's account and the day it is where the report is read."""
    account = await account_of(report.account_id)
    assert account is not None, "a report's account exists while the report does"
    return account, local_today(report, locale_of(account, settings).time_zone, now)


async def preview(principal: Principal, report_id: str, settings: InternalApiSettings) -> str:
    report = await get_report(principal, report_id)
    return await html_of(report, settings)


async def pdf(principal: Principal, report_id: str, settings: InternalApiSettings) -> bytes:
    report = await get_report(principal, report_id)
    return await pdf_of(report, settings)


async def html_of(report: ClientReport, settings: InternalApiSettings) -> str:
    account, today = await page_of(report, settings, utc_now())
    return await report_html(report, account, today)


async def pdf_of(report: ClientReport, settings: InternalApiSettings) -> bytes:
    account, today = await page_of(report, settings, utc_now())
    return await report_pdf(report, account, today, settings.chromium_path)


async def share(
    principal: Principal, report_id: str, body: ShareCreate, settings: InternalApiSettings
) -> ShareRead:
    report = await get_report(principal, report_id)
    expires = utc_now() + timedelta(days=body.days or settings.reports_share_days)
    token = share_token(link_key(settings), CLIENT_REPORT, report, report.share_nonce, expires)
    return ShareRead(path=share_path(token), expires_at=expires.replace(microsecond=0))


async def revoke_shares(principal: Principal, report_id: str) -> None:
    report = await get_report(principal, report_id)
    report.share_nonce = secrets.token_urlsafe(16)
    await report.save()


async def shared_report(token: str, settings: InternalApiSettings) -> ClientReport:
    return await shared_document(
        link_key(settings),
        CLIENT_REPORT,
        token,
        utc_now(),
        report_by_id,
        lambda report: report.share_nonce,
    )
