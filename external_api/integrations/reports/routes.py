"""Reading stored reports back: the same two routes under each reporting provider."""

from fastapi import APIRouter

from external_api.integrations.framework.dependencies import IntegrationsReader
from external_api.integrations.reports import service
from external_api.integrations.reports.schemas import AnalyticsReportRead, ReportSummary
from shared.utilities.errors import Forbidden, NotFound, Unauthorized, error_responses
from shared.utilities.pagination import Page, Paging


def stored_reports_router(provider: str) -> APIRouter:
    """`GET /reports` and `GET /reports/{id}`, to include in a provider's router."""
    router = APIRouter()

    @router.get(
        "/reports",
        summary="The account's stored reports, newest first",
        responses=error_responses(Unauthorized, Forbidden),
    )
    async def list_reports(principal: IntegrationsReader, params: Paging) -> Page[ReportSummary]:
        return await service.list_reports(principal.account_id, provider, params)

    @router.get(
        "/reports/{report_id}",
        summary="One stored report with its rows",
        responses=error_responses(Unauthorized, Forbidden, NotFound),
    )
    async def get_report(principal: IntegrationsReader, report_id: str) -> AnalyticsReportRead:
        return await service.get_report(principal.account_id, provider, report_id)

    return router
