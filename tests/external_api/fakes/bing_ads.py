"""Microsoft Advertising's endpoints and answers as its documentation shows them: the Microsoft
identity platform's v2.0 token endpoint, the Reporting service's REST operations
(GenerateReport/Submit and /Poll) and the zipped CSV report a poll's download URL serves."""

import csv
import io
import zipfile

AUTHORIZE_URL = "https://login.microsoftonline.com/common/oauth2/v2.0/authorize"
TOKEN_URL = "https://login.microsoftonline.com/common/oauth2/v2.0/token"
REPORTING = "https://reporting.api.bingads.microsoft.com/Reporting/v13"
SUBMIT_URL = f"{REPORTING}/GenerateReport/Submit"
POLL_URL = f"{REPORTING}/GenerateReport/Poll"
DOWNLOAD_URL = "https://bingadsappsstorageprod.blob.core.windows.net/download/report.zip"
CLIENT_ID = "00000000-aaaa-bbbb-cccc-123456789012"
CLIENT_SECRET = "entra-client-secret"
DEVELOPER_TOKEN = "BBD37VB98"
ACCOUNT_ID = "187654321"
CUSTOMER_ID = "254321987"
REQUEST_ID = "30000000123456789"

SUBMITTED = {"ReportRequestId": REQUEST_ID}


def poll_answer(status: str, url: str | None = DOWNLOAD_URL) -> dict:
    return {"ReportRequestStatus": {"ReportDownloadUrl": url, "Status": status}}


def token_answer(access_token: str = "EwB4A8l6-fresh", refresh_token: str = "M.C5-refresh"):
    return {
        "token_type": "Bearer",
        "scope": "https://ads.microsoft.com/msads.manage",
        "expires_in": 3599,
        "ext_expires_in": 3599,
        "access_token": access_token,
        "refresh_token": refresh_token,
    }


CAMPAIGN_ROWS = [
    {
        "TimePeriod": "2024-03-01",
        "CampaignId": "804002",
        "CampaignName": "Spring sale",
        "Impressions": "1,340",
        "Clicks": "21",
        "Spend": "12.34",
    },
    {
        "TimePeriod": "2024-03-02",
        "CampaignId": "804002",
        "CampaignName": "Spring sale",
        "Impressions": "980",
        "Clicks": "0",
        "Spend": "0.00",
    },
]


def zipped_csv(rows: list[dict[str, str]], name: str = "report.csv") -> bytes:
    """A report file as the Reporting service zips it: one CSV (UTF-8 with a BOM), the column
    header row and the rows, no report header or footer (as asked)."""
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=list(rows[0]), quoting=csv.QUOTE_ALL)
    writer.writeheader()
    writer.writerows(rows)
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zipped:
        zipped.writestr(name, "\ufeff" + text.getvalue())
    return archive.getvalue()
