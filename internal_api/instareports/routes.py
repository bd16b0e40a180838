"""/v1/instareports: InstaReports (signed in). Ordering one answers 202 with it queued; its
progress comes on the general socket (`instareport:progress`) and `GET /{id}` reads it."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response
from fastapi.responses import HTMLResponse

from internal_api.dependencies import Settings
from internal_api.instareports import service
from internal_api.instareports.auth import InstaReportsRead, InstaReportsWrite
from internal_api.instareports.schemas import InstaReportCreate, InstaReportRead
from internal_api.reports.routes import PAGE, PDF, pdf_response
from internal_api.reports.schemas import ShareCreate, ShareRead
from shared.domain.instareports.repository import InstaReportRepository
from shared.models.instareport import InstaReport
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/instareports", tags=["instareports"])

InstaReportPaging = Annotated[PageParams, Depends(sorted_by(InstaReportRepository.sortable))]


@router.post(
    "",
    status_code=202,
    response_model=InstaReportRead,
    summary="Order an InstaReport of a prospect's business",
    description="Built in the background (QM_INSTAREPORT_BUILD): the website fetched through "
    "the outbound proxy and scored by the rubric (website, SEO, social), an overall grade, "
    "and the agency's store products tagged with each weak area recommended.",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def order_instareport(body: InstaReportCreate, principal: InstaReportsWrite) -> InstaReport:
    return await service.order(principal, body)


@router.get(
    "",
    response_model=Page[InstaReportRead],
    summary="The account's InstaReports",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_instareports(
    principal: InstaReportsRead, paging: InstaReportPaging
) -> Page[InstaReport]:
    return await service.list_instareports(principal, paging)


@router.get(
    "/{report_id}",
    response_model=InstaReportRead,
    summary="One InstaReport, with its progress while it builds",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_instareport(report_id: str, principal: InstaReportsRead) -> InstaReport:
    return await service.get_instareport(principal, report_id)


@router.get(
    "/{report_id}/preview",
    response_class=HTMLResponse,
    summary="The InstaReport as the prospect sees it",
    responses={**PAGE, **error_responses(*SIGNED_IN, NotFound)},
)
async def preview_instareport(report_id: str, principal: InstaReportsRead) -> HTMLResponse:
    report = await service.get_instareport(principal, report_id)
    return HTMLResponse(await service.html_of(report))


@router.get(
    "/{report_id}/pdf",
    response_class=Response,
    summary="The InstaReport printed to PDF, with the agency's branding",
    responses={**PDF, **error_responses(*SIGNED_IN, NotFound)},
)
async def instareport_pdf(
    report_id: str, principal: InstaReportsRead, settings: Settings
) -> Response:
    report = await service.get_instareport(principal, report_id)
    return pdf_response(await service.pdf_of(report, settings), report_id)


@router.post(
    "/{report_id}/share",
    response_model=ShareRead,
    summary="A link to send to the prospect, signed and expiring",
    description="Opening it shows the report without a session and records the prospect's "
    "lead (source `instareport`, once).",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def share_instareport(
    report_id: str, body: ShareCreate, principal: InstaReportsWrite, settings: Settings
) -> ShareRead:
    return await service.share(principal, report_id, body, settings)
