"""/v1/reports/public/{token}: a client report's share link, without a session. The token is
the link (`shared.domain.reports.sharing`): it names one report and expires; a changed,
expired or revoked one answers 404 `share_link_invalid`, like a missing report. Rate-limited per
client address and per link by the public layer."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response
from fastapi.responses import HTMLResponse

from internal_api.dependencies import Settings
from internal_api.public.limits import rate_limited
from internal_api.reports import service
from internal_api.reports.routes import PAGE, PDF, pdf_response
from shared.domain.reports.errors import ShareLinkInvalid
from shared.utilities.errors import RateLimited, error_responses

router = APIRouter(prefix="/v1/reports/public", tags=["reports"])

Token = Annotated[str, Path(max_length=80, pattern=r"^[0-9a-f]{24}\.[0-9]{1,12}\.[0-9a-f]{32}$")]
LIMITED = [Depends(rate_limited("report-share", key_from="token"))]
# What a shared page may be kept as: the reader's alone, never in a shared cache.
PRIVATE = {"cache-control": "private, no-store", "x-robots-tag": "noindex"}


@router.get(
    "/{token}",
    response_class=HTMLResponse,
    summary="A shared client report's page (no session)",
    dependencies=LIMITED,
    responses={**PAGE, **error_responses(ShareLinkInvalid, RateLimited)},
)
async def shared_page(token: Token, settings: Settings) -> HTMLResponse:
    report = await service.shared_report(token, settings)
    return HTMLResponse(await service.html_of(report, settings), headers=PRIVATE)


@router.get(
    "/{token}/pdf",
    response_class=Response,
    summary="A shared client report's PDF (no session)",
    dependencies=LIMITED,
    responses={**PDF, **error_responses(ShareLinkInvalid, RateLimited)},
)
async def shared_pdf(token: Token, settings: Settings) -> Response:
    report = await service.shared_report(token, settings)
    response = pdf_response(await service.pdf_of(report, settings), str(report.id))
    response.headers.update(PRIVATE)
    return response
