"""Microsoft Advertising reports: the report request submitted with the developer token and
the account's ids, polled until built, the zipped CSV downloaded without credentials, its
rows normalised and stored by day; a failed or unfinished report stores nothing."""

import httpx
from beanie import PydanticObjectId

from shared.models.analytics_daily_metric import AnalyticsDailyMetric
from shared.models.analytics_report import AnalyticsReport
from tests.external_api.factories import create_connection
from tests.external_api.fakes import json_answer, json_of
from tests.external_api.fakes.bing_ads import (
    ACCOUNT_ID,
    CAMPAIGN_ROWS,
    CUSTOMER_ID,
    DEVELOPER_TOKEN,
    DOWNLOAD_URL,
    POLL_URL,
    REQUEST_ID,
    SUBMIT_URL,
    SUBMITTED,
    poll_answer,
    zipped_csv,
)

REPORTS = "/v1/e/bing-ads/reports"
REPORT = {
    "account_id": ACCOUNT_ID,
    "customer_id": CUSTOMER_ID,
    "start_date": "2024-03-01",
    "end_date": "2024-03-02",
}


async def stored_rows(account_id: str, source: str) -> list[AnalyticsDailyMetric]:
    """The analytics store's rows of the source, read back by the test itself."""
    of_source = {"account_id": PydanticObjectId(account_id), "source": source}
    return await AnalyticsDailyMetric.find(of_source).to_list()


def report_ready(fake, rows=CAMPAIGN_ROWS, *polls) -> None:
    fake.on("POST", SUBMIT_URL, json_answer(SUBMITTED))
    fake.on("POST", POLL_URL, *polls, json_answer(poll_answer("Success")))
    fake.on("GET", DOWNLOAD_URL, httpx.Response(200, content=zipped_csv(rows)))


async def test_the_report_is_submitted_as_documented(external, member, fake, account_id):
    report_ready(fake)
    await create_connection("bing-ads", account_id, access_token="EwB-current")

    await external.post(REPORTS, headers=member, json=REPORT)

    (submit,) = fake.sent("POST", SUBMIT_URL)
    assert submit.headers["authorization"] == "Bearer EwB-current"
    assert submit.headers["developertoken"] == DEVELOPER_TOKEN
    assert submit.headers["customerid"] == CUSTOMER_ID
    assert submit.headers["customeraccountid"] == ACCOUNT_ID
    assert json_of(submit) == {
        "ReportRequest": {
            "Type": "CampaignPerformanceReportRequest",
            "ReportName": "campaign performance 2024-03-01 to 2024-03-02",
            "Format": "Csv",
            "FormatVersion": "2.0",
            "ExcludeColumnHeaders": False,
            "ExcludeReportHeader": True,
            "ExcludeReportFooter": True,
            "ReturnOnlyCompleteData": False,
            "Aggregation": "Daily",
            "Columns": [
                "TimePeriod",
                "CampaignId",
                "CampaignName",
                "Impressions",
                "Clicks",
                "Spend",
            ],
            "Scope": {"AccountIds": [int(ACCOUNT_ID)]},
            "Time": {
                "CustomDateRangeStart": {"Day": 1, "Month": 3, "Year": 2024},
                "CustomDateRangeEnd": {"Day": 2, "Month": 3, "Year": 2024},
                "ReportTimeZone": "GreenwichMeanTimeDublinEdinburghLisbonLondon",
            },
        }
    }


async def test_a_pending_report_is_polled_until_built(external, member, fake, account_id):
    report_ready(fake, CAMPAIGN_ROWS, json_answer(poll_answer("Pending", None)))
    await create_connection("bing-ads", account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert response.status_code == 201
    polls = fake.sent("POST", POLL_URL)
    assert [json_of(poll) for poll in polls] == [{"ReportRequestId": REQUEST_ID}] * 2
    assert polls[0].headers["developertoken"] == DEVELOPER_TOKEN


async def test_the_download_carries_no_credentials(external, member, fake, account_id):
    report_ready(fake)
    await create_connection("bing-ads", account_id)

    await external.post(REPORTS, headers=member, json=REPORT)

    (download,) = fake.sent("GET", DOWNLOAD_URL)
    assert "authorization" not in download.headers
    assert "developertoken" not in download.headers


async def test_rows_are_normalised_and_stored_by_day(external, member, fake, account_id):
    report_ready(fake)
    await create_connection("bing-ads", account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert response.status_code == 201
    assert response.json()["rows"][0] == {
        "dimensions": {
            "date": "2024-03-01",
            "campaign_id": "804002",
            "campaign_name": "Spring sale",
        },
        "metrics": {"impressions": 1340.0, "clicks": 21.0, "spend": 12.34},
    }
    stored = await stored_rows(account_id, "bing-ads")
    cost = {row.day.day: (row.value, row.currency) for row in stored if row.metric == "cost"}
    assert cost == {1: (1234, "USD"), 2: (0, "USD")}
    assert {row.entity_type for row in stored} == {"campaign"}


async def test_a_report_pulled_again_leaves_one_set_of_rows(external, member, fake, account_id):
    report_ready(fake)
    await create_connection("bing-ads", account_id)

    await external.post(REPORTS, headers=member, json=REPORT)
    await external.post(REPORTS, headers=member, json=REPORT)

    assert len(await stored_rows(account_id, "bing-ads")) == 6  # 2 days x 3 metrics


async def test_a_report_without_data_has_no_rows(external, member, fake, account_id):
    fake.on("POST", SUBMIT_URL, json_answer(SUBMITTED))
    fake.on("POST", POLL_URL, json_answer(poll_answer("Success", None)))
    await create_connection("bing-ads", account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert (response.status_code, response.json()["rows"]) == (201, [])
    assert fake.sent("GET", DOWNLOAD_URL) == []


async def test_a_failed_report_is_a_502_and_stores_nothing(external, member, fake, account_id):
    fake.on("POST", SUBMIT_URL, json_answer(SUBMITTED))
    fake.on("POST", POLL_URL, json_answer(poll_answer("Error", None)))
    await create_connection("bing-ads", account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert (response.status_code, response.json()["error"]["code"]) == (502, "bing_report_failed")
    assert await AnalyticsReport.find().count() == 0


async def test_a_report_still_pending_after_every_poll_is_a_503(external, member, fake, account_id):
    fake.on("POST", SUBMIT_URL, json_answer(SUBMITTED))
    fake.on("POST", POLL_URL, json_answer(poll_answer("Pending", None)))
    await create_connection("bing-ads", account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert (response.status_code, response.json()["error"]["code"]) == (503, "report_not_ready")
    assert len(fake.sent("POST", POLL_URL)) == 3  # the test settings' attempts
    assert await stored_rows(account_id, "bing-ads") == []


async def test_a_file_that_is_not_a_zip_is_a_502(external, member, fake, account_id):
    fake.on("POST", SUBMIT_URL, json_answer(SUBMITTED))
    fake.on("POST", POLL_URL, json_answer(poll_answer("Success")))
    fake.on("GET", DOWNLOAD_URL, httpx.Response(200, content=b"<html>denied</html>"))
    await create_connection("bing-ads", account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert response.json()["error"]["code"] == "bing_bad_report_file"


async def test_a_429_is_waited_out_as_retry_after_asks(external, member, fake, waits, account_id):
    fake.on(
        "POST",
        SUBMIT_URL,
        json_answer(
            {"Errors": [{"Code": 117, "ErrorCode": "CallRateExceeded"}]}, 429, {"retry-after": "7"}
        ),
        json_answer(SUBMITTED),
    )
    fake.on("POST", POLL_URL, json_answer(poll_answer("Success")))
    fake.on("GET", DOWNLOAD_URL, httpx.Response(200, content=zipped_csv(CAMPAIGN_ROWS)))
    await create_connection("bing-ads", account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert response.status_code == 201
    assert waits == [7.0]
    assert len(fake.sent("POST", SUBMIT_URL)) == 2


async def test_an_account_level_report_asks_the_account_report(external, member, fake, account_id):
    rows = [{"TimePeriod": "2024-03-01", "Clicks": "4"}]
    report_ready(fake, rows)
    await create_connection("bing-ads", account_id)

    response = await external.post(
        REPORTS, headers=member, json={**REPORT, "level": "account", "metrics": ["clicks"]}
    )

    request = json_of(fake.sent("POST", SUBMIT_URL)[0])["ReportRequest"]
    assert (request["Type"], request["Columns"]) == (
        "AccountPerformanceReportRequest",
        ["TimePeriod", "Clicks"],
    )
    (stored,) = await stored_rows(account_id, "bing-ads")
    assert (stored.entity_type, stored.entity_id, stored.value) == ("ad_account", ACCOUNT_ID, 4)
    assert response.json()["dimensions"] == ["date"]


async def test_a_metric_outside_the_list_is_refused(external, member, fake, account_id):
    await create_connection("bing-ads", account_id)

    response = await external.post(REPORTS, headers=member, json={**REPORT, "metrics": ["Ctr"]})

    assert response.status_code == 422
    assert fake.requests == []
