"""/v1/instareports/public/{token}: the link sent to a prospect, without a session. Opening it
(the page, or its PDF) records the prospect's lead once; a changed, expired or forged link
answers 404 `share_link_invalid`. Rate-limited per address and per link by the public layer."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response
from fastapi.responses import HTMLResponse

from internal_api.dependencies import Settings
from internal_api.instareports import service
from internal_api.public.limits import rate_limited
from internal_api.reports.public_routes import PRIVATE
from internal_api.reports.routes import PAGE, PDF, pdf_response
from shared.domain.reports.errors import ShareLinkInvalid
from shared.utilities.errors import RateLimited, error_responses

router = APIRouter(prefix="/v1/instareports/public", tags=["instareports"])

Token = Annotated[str, Path(max_length=80, pattern=r"^[0-9a-f]{24}\.[0-9]{1,12}\.[0-9a-f]{32}$")]
LIMITED = [Depends(rate_limited("instareport-view", key_from="token"))]


@router.get(
    "/{token}",
    response_class=HTMLResponse,
    summary="The prospect's InstaReport (no session); records their lead",
    dependencies=LIMITED,
    responses={**PAGE, **error_responses(ShareLinkInvalid, RateLimited)},
)
async def opened_page(token: Token, settings: Settings) -> HTMLResponse:
    report = await service.opened(token, settings)
    return HTMLResponse(await service.html_of(report), headers=PRIVATE)


@router.get(
    "/{token}/pdf",
    response_class=Response,
    summary="The prospect's InstaReport as a PDF (no session); records their lead",
    dependencies=LIMITED,
    responses={**PDF, **error_responses(ShareLinkInvalid, RateLimited)},
)
async def opened_pdf(token: Token, settings: Settings) -> Response:
    report = await service.opened(token, settings)
    response = pdf_response(await service.pdf_of(report, settings), str(report.id))
    response.headers.update(PRIVATE)
    return response
