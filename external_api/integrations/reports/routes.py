"""The same three routes under each reporting provider: pull a report (stored normalised),
list the stored ones, read one back."""

from collections.abc import Awaitable, Callable
from typing import Annotated, Any

from fastapi import APIRouter, Body, Depends, status
from pydantic import BaseModel

from external_api.integrations.framework.auth import IntegrationsRead, IntegrationsWrite
from external_api.integrations.framework.dependencies import (
    DocumentId,
    IntegrationsDep,
    connection_to,
)
from external_api.integrations.framework.errors import CONNECTED_CALL_ERRORS
from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.reports import service
from external_api.integrations.reports.schemas import AnalyticsReportRead, ReportSummary
from external_api.integrations.reports.service import Pulled
from shared.models.analytics_report import AnalyticsReport
from shared.utilities.errors import Forbidden, InvalidInput, NotFound, Unauthorized, error_responses
from shared.utilities.pagination import Page, Paging

# A provider's report from its request body, read with the account's connection.
Pull = Callable[[Integrations, ConnectedHttp, Any], Awaitable[Pulled]]


def reports_router(
    provider: str, summary: str, body_model: type[BaseModel], pull: Pull
) -> APIRouter:
    """`POST /reports` (`summary` says what it pulls), `GET /reports` and
    `GET /reports/{id}`, to include in the provider's router."""
    router = APIRouter()
    Connection = Annotated[ConnectedHttp, Depends(connection_to(provider))]

    @router.post(
        "/reports",
        summary=summary,
        status_code=status.HTTP_201_CREATED,
        response_model=AnalyticsReportRead,
        responses=error_responses(
            Unauthorized, Forbidden, NotFound, InvalidInput, *CONNECTED_CALL_ERRORS
        ),
    )
    async def create_report(
        body: Annotated[body_model, Body()],  # type: ignore[valid-type]  # the provider's model
        principal: IntegrationsWrite,
        http: Connection,
        integrations: IntegrationsDep,
    ) -> AnalyticsReport:
        pulled = await pull(integrations, http, body)
        return await service.store_report(
            principal.account_id, provider, pulled, integrations.settings
        )

    @router.get(
        "/reports",
        summary="The account's stored reports, newest first",
        response_model=Page[ReportSummary],
        responses=error_responses(Unauthorized, Forbidden, InvalidInput),
    )
    async def list_reports(principal: IntegrationsRead, params: Paging) -> Page[AnalyticsReport]:
        return await service.list_reports(principal.account_id, provider, params)

    @router.get(
        "/reports/{report_id}",
        summary="One stored report with its rows",
        response_model=AnalyticsReportRead,
        responses=error_responses(Unauthorized, Forbidden, NotFound),
    )
    async def get_report(principal: IntegrationsRead, report_id: DocumentId) -> AnalyticsReport:
        return await service.get_report(principal.account_id, provider, report_id)

    return router
