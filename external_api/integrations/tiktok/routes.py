from fastapi import APIRouter

from external_api.integrations.reports.routes import reports_router
from external_api.integrations.tiktok import service
from external_api.integrations.tiktok.schemas import TiktokReportCreate

router = APIRouter(prefix=f"/v1/e/{service.PROVIDER}", tags=[service.PROVIDER])
router.include_router(
    reports_router(
        service.PROVIDER,
        "Pull a TikTok integrated report for an advertiser and store it normalised",
        TiktokReportCreate,
        service.pull_report,
    )
)
