"""A pulled report also lands in the analytics store by day: Google Ads' and Facebook's money in
minor units, GA4's names in snake case, and a report pulled again leaves one set of rows."""

from beanie import PydanticObjectId

from shared.domain.analytics.repository import stored_rows
from shared.models.account import AccountLocale
from tests.external_api.factories import create_connection
from tests.external_api.fakes import json_answer
from tests.external_api.fakes.facebook import GRAPH, INSIGHTS_ANSWER
from tests.external_api.fakes.google import ADS_URL, SEARCH_STREAM_ANSWER
from tests.factories import create_account

SEARCH_STREAM = f"{ADS_URL}/v26/customers/1234567890/googleAds:searchStream"
ADS_REPORT = {"customer_id": "1234567890", "start_date": "2024-03-01", "end_date": "2024-03-02"}
RUN_REPORT = "https://analyticsdata.googleapis.com/v1beta/properties/42:runReport"
GA_ANSWER = {
    "dimensionHeaders": [{"name": "date"}],
    "metricHeaders": [{"name": "activeUsers", "type": "TYPE_INTEGER"}],
    "rows": [{"dimensionValues": [{"value": "20240301"}], "metricValues": [{"value": "17"}]}],
    "rowCount": 1,
}
GA_BY_COUNTRY = {
    "dimensionHeaders": [{"name": "date"}, {"name": "country"}],
    "metricHeaders": [{"name": "activeUsers", "type": "TYPE_INTEGER"}],
    "rows": [
        {
            "dimensionValues": [{"value": "20240301"}, {"value": "France"}],
            "metricValues": [{"value": "17"}],
        }
    ],
    "rowCount": 1,
}


async def test_a_google_ads_report_pulled_twice_leaves_one_set_of_daily_rows(
    external, member, fake, account_id
):
    await create_account(id=PydanticObjectId(account_id), locale=AccountLocale(currency="EUR"))
    fake.on("POST", SEARCH_STREAM, json_answer(SEARCH_STREAM_ANSWER))
    await create_connection("google-ads", account_id)

    await external.post("/v1/e/google-ads/reports", headers=member, json=ADS_REPORT)
    await external.post("/v1/e/google-ads/reports", headers=member, json=ADS_REPORT)

    rows = await stored_rows(account_id, "google-ads")
    first_day = {row.metric: (row.value, row.currency) for row in rows if row.day.day == 1}
    assert len(rows) == 6
    assert first_day == {"clicks": (12, None), "impressions": (340, None), "cost": (456, "EUR")}
    assert {(row.entity_type, row.entity_id, row.entity_name) for row in rows} == {
        ("campaign", "111", "Spring sale")
    }


async def test_facebook_spend_is_stored_as_cost_in_cents(external, member, fake, account_id):
    fake.on("GET", f"{GRAPH}/act_1234/insights", json_answer(INSIGHTS_ANSWER))
    await create_connection("facebook", account_id, refresh_token="")
    report = {"ad_account_id": "1234", "start_date": "2024-03-01", "end_date": "2024-03-02"}

    await external.post("/v1/e/facebook/reports", headers=member, json=report)

    rows = await stored_rows(account_id, "facebook-ads")
    costs = [(row.entity_type, row.entity_id, row.value) for row in rows if row.metric == "cost"]
    assert costs == [("ad_account", "1234", 1234), ("ad_account", "1234", 750)]


async def test_ga4_metrics_are_stored_by_their_snake_case_names(external, member, fake, account_id):
    fake.on("POST", RUN_REPORT, json_answer(GA_ANSWER))
    await create_connection("google-analytics", account_id)
    report = {"property_id": "42", "start_date": "2024-03-01", "end_date": "2024-03-01"}

    await external.post(
        "/v1/e/google-analytics/reports",
        headers=member,
        json={**report, "metrics": ["activeUsers"]},
    )

    [row] = await stored_rows(account_id, "google-analytics")
    assert (row.entity_type, row.entity_id, row.metric, row.value) == (
        "property",
        "42",
        "active_users",
        17,
    )


async def test_a_report_by_a_dimension_the_store_has_no_place_for_stays_in_the_report(
    external, member, fake, account_id
):
    fake.on("POST", RUN_REPORT, json_answer(GA_BY_COUNTRY))
    await create_connection("google-analytics", account_id)
    report = {"property_id": "42", "start_date": "2024-03-01", "end_date": "2024-03-01"}

    response = await external.post(
        "/v1/e/google-analytics/reports",
        headers=member,
        json={**report, "dimensions": ["date", "country"]},
    )

    assert response.status_code == 201
    assert await stored_rows(account_id, "google-analytics") == []
