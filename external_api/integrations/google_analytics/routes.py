from typing import Annotated

from fastapi import APIRouter, Depends, status

from external_api.integrations.framework.dependencies import IntegrationsWriter, connection_to
from external_api.integrations.framework.errors import (
    CONNECTED_CALL_ERRORS,
)
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.google_analytics import service
from external_api.integrations.google_analytics.schemas import GaReportCreate
from external_api.integrations.reports.routes import stored_reports_router
from external_api.integrations.reports.schemas import AnalyticsReportRead
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    Unauthorized,
    error_responses,
)

router = APIRouter(prefix=f"/v1/e/{service.PROVIDER}", tags=[service.PROVIDER])
Analytics = Annotated[ConnectedHttp, Depends(connection_to(service.PROVIDER))]


@router.post(
    "/reports",
    summary="Pull a GA4 report for a property and store it normalised",
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(
        Unauthorized, Forbidden, NotFound, InvalidInput, *CONNECTED_CALL_ERRORS
    ),
)
async def create_report(
    body: GaReportCreate, principal: IntegrationsWriter, analytics: Analytics
) -> AnalyticsReportRead:
    return await service.pull_report(analytics, principal.account_id, body)


router.include_router(stored_reports_router(service.PROVIDER))
