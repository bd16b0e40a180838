from typing import Annotated

from fastapi import APIRouter, Depends, status

from external_api.integrations.framework.dependencies import (
    IntegrationsDep,
    IntegrationsWriter,
    connection_to,
)
from external_api.integrations.framework.errors import (
    CONNECTED_CALL_ERRORS,
)
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.google_ads import service
from external_api.integrations.google_ads.schemas import AdsReportCreate
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
Ads = Annotated[ConnectedHttp, Depends(connection_to(service.PROVIDER))]


@router.post(
    "/reports",
    summary="Pull a Google Ads performance report for a customer and store it normalised",
    status_code=status.HTTP_201_CREATED,
    responses=error_responses(
        Unauthorized, Forbidden, NotFound, InvalidInput, *CONNECTED_CALL_ERRORS
    ),
)
async def create_report(
    body: AdsReportCreate,
    principal: IntegrationsWriter,
    ads: Ads,
    integrations: IntegrationsDep,
) -> AnalyticsReportRead:
    google = integrations.settings.google
    return await service.pull_report(
        ads,
        principal.account_id,
        body,
        google.ads_api_version,
        google.ads_developer_token.get_secret_value(),
    )


router.include_router(stored_reports_router(service.PROVIDER))
