"""The GA4 Data API's runReport, every page of it.

POST /v1beta/properties/{property}:runReport with dateRanges, dimensions, metrics, limit and
offset; the answer's rows hold dimensionValues and metricValues in the order asked, and
rowCount says how many rows there are in all.
"""

from collections.abc import AsyncIterator

from external_api.integrations.framework.http import pages
from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.google_analytics.schemas import GaReportCreate

PAGE_ROWS = 10_000


class AnalyticsData:
    def __init__(self, http: ConnectedHttp) -> None:
        self.http = http

    def report_body(self, report: GaReportCreate, offset: int) -> dict:
        return {
            "dateRanges": [
                {"startDate": report.start_date.isoformat(), "endDate": report.end_date.isoformat()}
            ],
            "dimensions": [{"name": name} for name in report.dimensions],
            "metrics": [{"name": name} for name in report.metrics],
            "limit": PAGE_ROWS,
            "offset": offset,
        }

    def run_report(self, report: GaReportCreate) -> AsyncIterator[dict]:
        """Each page of the report's answer, asked by offset until rowCount rows are read."""
        read = 0

        async def fetch(offset: str | None) -> dict:
            body = self.report_body(report, int(offset or 0))
            return await self.http.json(
                "POST", f"/v1beta/properties/{report.property_id}:runReport", json=body
            )

        def next_offset(page: dict) -> str | None:
            nonlocal read
            rows = len(page.get("rows", []))
            read += rows
            return str(read) if rows and read < page.get("rowCount", 0) else None

        return pages(fetch, next_offset)
