from fastapi import APIRouter

from external_api.integrations.google_analytics import service
from external_api.integrations.google_analytics.schemas import GaReportCreate
from external_api.integrations.reports.routes import reports_router

router = APIRouter(prefix=f"/v1/e/{service.PROVIDER}", tags=[service.PROVIDER])
router.include_router(
    reports_router(
        service.PROVIDER,
        "Pull a GA4 report for a property and store it normalised",
        GaReportCreate,
        service.pull_report,
    )
)
