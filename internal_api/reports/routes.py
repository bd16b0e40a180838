"""/v1/reports: client reports (signed in). A report's page (`/preview`) is the HTML its PDF
is printed from; a share link opens the same page without a session (`public_routes.py`)."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Response
from fastapi.responses import HTMLResponse

from internal_api.dependencies import Settings
from internal_api.reports import service
from internal_api.reports.auth import ReportsRead, ReportsWrite
from internal_api.reports.errors import ReportInvalid, TooManyWidgets
from internal_api.reports.schemas import (
    ClientReportCreate,
    ClientReportRead,
    ClientReportUpdate,
    ShareCreate,
    ShareRead,
)
from shared.domain.reports.repository import ClientReportRepository
from shared.models.client_report import ClientReport
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/reports", tags=["reports"])

ReportPaging = Annotated[PageParams, Depends(sorted_by(ClientReportRepository.sortable))]
# The documented answers of a page and of a PDF, beside the error answers.
PAGE: dict[int | str, dict[str, Any]] = {200: {"content": {"text/html": {}}}}
PDF: dict[int | str, dict[str, Any]] = {200: {"content": {"application/pdf": {}}}}


def pdf_response(pdf: bytes, report_id: str) -> Response:
    disposition = f'attachment; filename="report-{report_id}.pdf"'
    return Response(pdf, media_type="application/pdf", headers={"content-disposition": disposition})


@router.post(
    "",
    status_code=201,
    response_model=ClientReportRead,
    summary="Define a client report",
    description="Widgets over the analytics store (`kpi` with its change against the "
    "comparison, `time_series`, `table`, `top_n`, `funnel`) and the account's calls by source "
    "and reviews; a date range (`custom` with its dates), a comparison, branding, and a "
    "weekly or monthly schedule in a time zone mailing it as a PDF to its recipients.",
    responses=error_responses(*SIGNED_IN, InvalidInput, TooManyWidgets),
)
async def create_report(
    body: ClientReportCreate, principal: ReportsWrite, settings: Settings
) -> ClientReport:
    return await service.create_report(principal, body, settings)


@router.get(
    "",
    response_model=Page[ClientReportRead],
    summary="The account's client reports",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_reports(principal: ReportsRead, paging: ReportPaging) -> Page[ClientReport]:
    return await service.list_reports(principal, paging)


@router.get(
    "/{report_id}",
    response_model=ClientReportRead,
    summary="One client report",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_report(report_id: str, principal: ReportsRead) -> ClientReport:
    return await service.get_report(principal, report_id)


@router.patch(
    "/{report_id}",
    response_model=ClientReportRead,
    summary="Change a client report",
    description="Only the fields sent change; a schedule sent starts over from now, "
    "`schedule: null` stops it.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput, ReportInvalid, TooManyWidgets),
)
async def update_report(
    report_id: str, body: ClientReportUpdate, principal: ReportsWrite, settings: Settings
) -> ClientReport:
    return await service.update_report(principal, report_id, body, settings)


@router.delete(
    "/{report_id}",
    status_code=204,
    summary="Remove a client report (its share links stop working)",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def delete_report(report_id: str, principal: ReportsWrite) -> Response:
    await service.delete_report(principal, report_id)
    return Response(status_code=204)


@router.get(
    "/{report_id}/preview",
    response_class=HTMLResponse,
    summary="The report as a page, as of today",
    description="The same HTML its PDF is printed from; charts are inline SVG, no script.",
    responses={**PAGE, **error_responses(*SIGNED_IN, NotFound)},
)
async def preview_report(
    report_id: str, principal: ReportsRead, settings: Settings
) -> HTMLResponse:
    return HTMLResponse(await service.preview(principal, report_id, settings))


@router.get(
    "/{report_id}/pdf",
    response_class=Response,
    summary="The report printed to PDF, as of today",
    responses={**PDF, **error_responses(*SIGNED_IN, NotFound)},
)
async def report_pdf(report_id: str, principal: ReportsRead, settings: Settings) -> Response:
    return pdf_response(await service.pdf(principal, report_id, settings), report_id)


@router.post(
    "/{report_id}/share",
    response_model=ShareRead,
    summary="A public link to the report, signed and expiring",
    description="Opens the report's page without a session until it expires (`days`, "
    "REPORTS_SHARE_DAYS unless given); `/pdf` after it gives the PDF.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def share_report(
    report_id: str, body: ShareCreate, principal: ReportsWrite, settings: Settings
) -> ShareRead:
    return await service.share(principal, report_id, body, settings)


@router.post(
    "/{report_id}/share/revoke",
    status_code=204,
    summary="Void every share link given for the report so far",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def revoke_shares(report_id: str, principal: ReportsWrite) -> Response:
    await service.revoke_shares(principal, report_id)
    return Response(status_code=204)
