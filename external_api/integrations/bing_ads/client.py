"""The Reporting service's REST endpoints: a report is asked for (`GenerateReport/Submit`,
answering a `ReportRequestId`), polled (`GenerateReport/Poll`, `ReportRequestStatus` with
`Status` Pending, Success or Error and, once done, `ReportDownloadUrl`), then downloaded from
that pre-signed URL as a zip holding one CSV. No download URL on success: no data in the range.

Every call carries the `DeveloperToken`, `CustomerId` and `CustomerAccountId` headers beside
the bearer token; the download carries none of them (the URL is signed).
"""

import asyncio
import csv
import io
import zipfile
from dataclasses import dataclass
from typing import Any

from external_api.integrations.bing_ads.errors import BadReportFile, ReportFailed, ReportNotReady
from external_api.integrations.framework.tokens import ConnectedHttp


@dataclass(frozen=True)
class Polling:
    seconds: float
    attempts: int


class BingReporting:
    def __init__(
        self, http: ConnectedHttp, developer_token: str, customer_id: str, account_id: str
    ) -> None:
        self.http = http
        self.headers = {
            "DeveloperToken": developer_token,
            "CustomerId": customer_id,
            "CustomerAccountId": account_id,
        }

    async def post(self, path: str, body: dict[str, Any]) -> dict:
        return await self.http.json("POST", path, json=body, headers=self.headers)

    async def submit(self, report_request: dict[str, Any]) -> str:
        answer = await self.post("/GenerateReport/Submit", {"ReportRequest": report_request})
        return str(answer["ReportRequestId"])

    async def download_url(self, request_id: str, polling: Polling) -> str | None:
        """The report's URL once built (None: no data), polling while it is pending."""
        for attempt in range(polling.attempts):
            if attempt:
                await asyncio.sleep(polling.seconds)
            answer = await self.post("/GenerateReport/Poll", {"ReportRequestId": request_id})
            status = answer.get("ReportRequestStatus") or {}
            if status.get("Status") == "Success":
                return status.get("ReportDownloadUrl") or None
            if status.get("Status") == "Error":
                raise ReportFailed(f"Microsoft Advertising failed report {request_id}.")
        raise ReportNotReady(headers={"retry-after": "60"})

    async def rows(self, report_request: dict[str, Any], polling: Polling) -> list[dict[str, str]]:
        """The report's CSV rows, each by column name."""
        url = await self.download_url(await self.submit(report_request), polling)
        if url is None:
            return []
        if not url.startswith("https://"):
            raise BadReportFile("Microsoft Advertising gave a report URL that is not HTTPS.")
        response = await self.http.http.call("GET", url)
        return csv_rows(response.content)


def csv_rows(zipped: bytes) -> list[dict[str, str]]:
    try:
        with zipfile.ZipFile(io.BytesIO(zipped)) as archive:
            names = [name for name in archive.namelist() if name.lower().endswith(".csv")]
            if len(names) != 1:
                raise BadReportFile("The report's zip does not hold one CSV.")
            text = archive.read(names[0]).decode("utf-8-sig")
    except (zipfile.BadZipFile, UnicodeDecodeError) as error:
        raise BadReportFile(f"The report is not a zipped UTF-8 CSV: {error}.") from error
    return list(csv.DictReader(io.StringIO(text)))
