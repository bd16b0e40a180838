from fastapi import APIRouter

from external_api.integrations.google_ads import service
from external_api.integrations.google_ads.schemas import AdsReportCreate
from external_api.integrations.reports.routes import reports_router

router = APIRouter(prefix=f"/v1/e/{service.PROVIDER}", tags=[service.PROVIDER])
router.include_router(
    reports_router(
        service.PROVIDER,
        "Pull a Google Ads performance report for a customer and store it normalised",
        AdsReportCreate,
        service.pull_report,
    )
)
