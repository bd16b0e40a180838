"""The nightly sync and back-fills of Microsoft Advertising and TikTok: a reported ad account
or advertiser is asked again, with what was last asked of it, for the sync's days."""

import json

import httpx

from tests.external_api.factories import create_connection
from tests.external_api.fakes import bing_ads as bing
from tests.external_api.fakes import json_answer, json_of, query_of, tiktok
from tests.external_api.integrations.reports.test_sync import SYNC, from_service

SYNC_BODY = {"start_date": "2024-03-01", "end_date": "2024-03-02"}


async def test_a_reported_bing_account_is_asked_again_for_the_new_days(
    external, member, fake, account_id
):
    await create_connection("bing-ads", account_id)
    fake.on("POST", bing.SUBMIT_URL, json_answer(bing.SUBMITTED))
    fake.on("POST", bing.POLL_URL, json_answer(bing.poll_answer("Success")))
    fake.on(
        "GET", bing.DOWNLOAD_URL, httpx.Response(200, content=bing.zipped_csv(bing.CAMPAIGN_ROWS))
    )
    report = {"account_id": bing.ACCOUNT_ID, "customer_id": bing.CUSTOMER_ID, "metrics": ["clicks"]}
    dates = {"start_date": "2024-02-01", "end_date": "2024-02-02"}
    await external.post("/v1/e/bing-ads/reports", headers=member, json={**report, **dates})

    response = await external.post(
        SYNC,
        json={**SYNC_BODY, "account_id": account_id, "source": "bing-ads"},
        headers=from_service("queue_manager"),
    )

    assert response.json() == {"pulls": 1}
    again = json_of(fake.sent("POST", bing.SUBMIT_URL)[-1])["ReportRequest"]
    assert again["Columns"] == ["TimePeriod", "CampaignId", "CampaignName", "Clicks"]
    assert again["Time"]["CustomDateRangeStart"] == {"Day": 1, "Month": 3, "Year": 2024}
    assert again["Time"]["CustomDateRangeEnd"] == {"Day": 2, "Month": 3, "Year": 2024}


async def test_a_reported_tiktok_advertiser_is_asked_again_for_the_new_days(
    external, member, fake, account_id
):
    await create_connection("tiktok", account_id, refresh_token="", expires_in=None)
    fake.on("GET", tiktok.REPORT_URL, json_answer(tiktok.report_page([], 1, 0)))
    report = {"advertiser_id": tiktok.ADVERTISER_ID, "metrics": ["reach"]}
    dates = {"start_date": "2024-02-01", "end_date": "2024-02-02"}
    await external.post("/v1/e/tiktok/reports", headers=member, json={**report, **dates})

    response = await external.post(
        SYNC,
        json={**SYNC_BODY, "account_id": account_id, "source": "tiktok-ads"},
        headers=from_service("queue_manager"),
    )

    assert response.json() == {"pulls": 1}
    again = query_of(fake.requests[-1])
    assert (again["start_date"], again["end_date"]) == ("2024-03-01", "2024-03-02")
    assert json.loads(again["metrics"]) == ["reach", "campaign_name"]


async def test_a_tiktok_backfill_asks_a_pull_per_month(external, jobs, admin):
    body = {"source": "tiktok-ads", "start_date": "2024-01-01", "end_date": "2024-02-15"}

    response = await external.post("/v1/e/analytics/backfill", json=body, headers=admin)

    assert (response.status_code, response.json()) == (202, {"jobs": 2})
    sources = {kwargs["source"] for name, kwargs, _ in jobs.sent if name == "analytics_sync.pull"}
    assert sources == {"tiktok-ads"}
