"""The integrated report (GET /report/integrated/get/): synchronous, one page at a time
(`page`, `page_size` up to 1000, `data.page_info.total_page`), `dimensions` and `metrics` as
JSON arrays in the query, the token in the `Access-Token` header. With `stat_time_day` among
the dimensions a request spans 30 days at most, so a longer range is asked in windows."""

import json
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.tiktok.answers import data_of

MAX_DAYS = 30
REPORT = "/report/integrated/get/"


def windows(start: date, end: date) -> Iterator[tuple[date, date]]:
    while start <= end:
        last = min(start + timedelta(days=MAX_DAYS - 1), end)
        yield start, last
        start = last + timedelta(days=1)


class TiktokReports:
    def __init__(self, http: ConnectedHttp, page_size: int) -> None:
        self.http = http
        self.page_size = page_size

    async def page(self, query: dict[str, Any], page: int) -> dict[str, Any]:
        params = {**query, "page": page, "page_size": self.page_size}
        return await data_of(self.http, await self.http.json("GET", REPORT, params=params))

    async def rows(
        self,
        advertiser_id: str,
        data_level: str,
        dimensions: list[str],
        metrics: list[str],
        start: date,
        end: date,
    ) -> list[dict[str, Any]]:
        """Every row of the range: `{"dimensions": {...}, "metrics": {...}}`."""
        rows: list[dict[str, Any]] = []
        for first, last in windows(start, end):
            query = {
                "advertiser_id": advertiser_id,
                "report_type": "BASIC",
                "data_level": data_level,
                "dimensions": json.dumps(dimensions),
                "metrics": json.dumps(metrics),
                "start_date": first.isoformat(),
                "end_date": last.isoformat(),
            }
            page, total_pages = 1, 1
            while page <= total_pages:
                data = await self.page(query, page)
                rows += data.get("list") or []
                total_pages = int((data.get("page_info") or {}).get("total_page") or 1)
                page += 1
        return rows
