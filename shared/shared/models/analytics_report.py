"""A report pulled from an analytics or ads provider, normalised: one document per pull.

Rows keep the provider's dimension and metric names as keys (`date`, `sessions`, `clicks`), with
metric values as numbers, so reports from GA4, Google Ads and Facebook read alike.
"""

from datetime import date
from typing import Any

from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class ReportRow(BaseModel):
    dimensions: dict[str, str]
    metrics: dict[str, float]


class AnalyticsReport(TenantDocument):
    provider: str  # google-analytics, google-ads, facebook
    # What the report is about at the provider: a GA4 property, an Ads customer, an ad account.
    source_id: str
    start_date: date
    end_date: date
    dimensions: list[str]
    metrics: list[str]
    rows: list[ReportRow]
    totals: dict[str, float] = {}
    request: dict[str, Any] = {}  # what was asked, for re-running it

    @property
    def row_count(self) -> int:
        return len(self.rows)

    class Settings:
        name = "analytics_reports"
        indexes = [
            # A provider's reports of an account, newest first.
            IndexModel(
                [("account_id", ASCENDING), ("provider", ASCENDING), ("created_at", DESCENDING)]
            ),
        ]
