from fastapi import APIRouter

from external_api.integrations.bing_ads import service
from external_api.integrations.bing_ads.schemas import BingReportCreate
from external_api.integrations.reports.routes import reports_router

router = APIRouter(prefix=f"/v1/e/{service.PROVIDER}", tags=[service.PROVIDER])
router.include_router(
    reports_router(
        service.PROVIDER,
        "Run a Microsoft Advertising performance report for an ad account and store it normalised",
        BingReportCreate,
        service.pull_report,
    )
)
