"""Ads insights: asked per day for the period, every page read, rows normalised and stored."""

import json

from tests.external_api.factories import create_connection
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.facebook import GRAPH, INSIGHTS_ANSWER

INSIGHTS = f"{GRAPH}/act_1234/insights"
REPORT = {"ad_account_id": "1234", "start_date": "2024-03-01", "end_date": "2024-03-02"}


async def test_insights_are_asked_as_documented(external, member, fake, account_id):
    fake.on("GET", INSIGHTS, json_answer(INSIGHTS_ANSWER))
    await create_connection("facebook", account_id, access_token="EAAB-user", refresh_token="")

    await external.post("/v1/e/facebook/reports", headers=member, json=REPORT)

    (sent,) = fake.requests
    assert sent.headers["authorization"] == "Bearer EAAB-user"
    query = query_of(sent)
    assert query["fields"] == "impressions,clicks,spend"
    assert query["level"] == "account"
    assert json.loads(query["time_range"]) == {"since": "2024-03-01", "until": "2024-03-02"}
    assert query["time_increment"] == "1"


async def test_a_campaign_report_asks_for_the_campaign(external, member, fake, account_id):
    fake.on("GET", INSIGHTS, json_answer({"data": []}))
    await create_connection("facebook", account_id, refresh_token="")

    await external.post(
        "/v1/e/facebook/reports", headers=member, json={**REPORT, "level": "campaign"}
    )

    assert query_of(fake.requests[0])["fields"] == (
        "campaign_id,campaign_name,impressions,clicks,spend"
    )


async def test_rows_are_normalised_and_stored(external, member, fake, account_id):
    fake.on("GET", INSIGHTS, json_answer(INSIGHTS_ANSWER))
    await create_connection("facebook", account_id, refresh_token="")

    response = await external.post("/v1/e/facebook/reports", headers=member, json=REPORT)

    assert response.status_code == 201
    report = response.json()
    assert report["rows"][0] == {
        "dimensions": {"date": "2024-03-01"},
        "metrics": {"impressions": 1500.0, "clicks": 45.0, "spend": 12.34},
    }
    assert report["totals"] == {"impressions": 2400.0, "clicks": 65.0, "spend": 19.84}
