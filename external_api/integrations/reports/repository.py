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
