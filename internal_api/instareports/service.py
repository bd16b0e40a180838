"""InstaReports ordered, read, printed and shared; the prospect's link opening the report and
recording their lead."""

import secrets
from datetime import timedelta

from internal_api.instareports.schemas import InstaReportCreate
from internal_api.reports.schemas import ShareCreate, ShareRead
from internal_api.settings import InternalApiSettings
from shared.domain.accounts.repository import account
from shared.domain.instareports.leads import record_view
from shared.domain.instareports.rendering import instareport_html, instareport_pdf
from shared.domain.instareports.repository import InstaReportRepository, instareport_by_id
from shared.domain.reports.sharing import INSTAREPORT, link_key, share_token, shared_document
from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.instareport import Business, InstaReport
from shared.utilities.auth import Principal
from shared.utilities.outbox import enqueue_job
from shared.utilities.pagination import Page, PageParams
from shared.utilities.task_names import INSTAREPORT_BUILD_RUN


def public_path(token: str) -> str:
    return f"/v1/instareports/public/{token}"


async def order(principal: Principal, body: InstaReportCreate) -> InstaReport:
    business = Business(**body.business.model_dump(mode="json"))
    report = await InstaReportRepository(principal.account_id).create(
        business=business,
        prospect_email=body.prospect_email,
        share_nonce=secrets.token_urlsafe(16),
    )
    enqueue_job(INSTAREPORT_BUILD_RUN, report_id=str(report.id), account_id=str(report.account_id))
    return report


async def list_instareports(principal: Principal, params: PageParams) -> Page[InstaReport]:
    return await InstaReportRepository(principal.account_id).paginate(params)


async def get_instareport(principal: Principal, report_id: str) -> InstaReport:
    return await InstaReportRepository(principal.account_id).get(report_id)


async def agency_of(report: InstaReport) -> Account:
    """Whose brand the report carries: the agency of the account that ordered it."""
    owner = await account(report.account_id)
    assert owner is not None, "a report's account exists while the report does"
    agency = await account(owner.agency_id) if owner.parent_id else owner
    return agency or owner


async def html_of(report: InstaReport) -> str:
    return instareport_html(report, await agency_of(report))


async def pdf_of(report: InstaReport, settings: InternalApiSettings) -> bytes:
    return await instareport_pdf(report, await agency_of(report), settings.chromium_path)


async def share(
    principal: Principal, report_id: str, body: ShareCreate, settings: InternalApiSettings
) -> ShareRead:
    report = await get_instareport(principal, report_id)
    expires = utc_now() + timedelta(days=body.days or settings.reports_share_days)
    token = share_token(link_key(settings), INSTAREPORT, report, report.share_nonce, expires)
    return ShareRead(path=public_path(token), expires_at=expires.replace(microsecond=0))


async def opened(token: str, settings: InternalApiSettings) -> InstaReport:
    """The report a prospect's link opens, their lead recorded (once)."""
    report = await shared_document(
        link_key(settings),
        INSTAREPORT,
        token,
        utc_now(),
        instareport_by_id,
        lambda r: r.share_nonce,
    )
    await record_view(report, settings)
    return report
