"""Every query of stored reports: one provider's reports of one account."""

from collections.abc import Mapping
from typing import Any

from shared.models.analytics_report import AnalyticsReport
from shared.utilities.repository import TenantRepository


class ReportRepository(TenantRepository[AnalyticsReport]):
    """An account's reports from one provider: another provider's report answers 404 here."""

    noun = "Report"

    def __init__(self, account_id: str, provider: str) -> None:
        super().__init__(AnalyticsReport, account_id)
        self.provider = provider

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**super().scoped(filters), "provider": self.provider}

    async def create(self, **fields: Any) -> AnalyticsReport:
        return await super().create(**fields, provider=self.provider)

    async def latest_requests(self) -> list[dict[str, Any]]:
        """What was last asked for each thing reported on (a property, a customer, an ad
        account): the nightly sync asks it again for new days."""
        pipeline = [
            {"$match": self.scoped()},
            {"$sort": {"created_at": -1}},
            {"$group": {"_id": "$source_id", "request": {"$first": "$request"}}},
            {"$sort": {"_id": 1}},
        ]
        rows = await AnalyticsReport.aggregate(pipeline).to_list()
        return [row["request"] for row in rows]
