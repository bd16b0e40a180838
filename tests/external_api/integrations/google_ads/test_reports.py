"""Google Ads reports: a GAQL query built from checked choices sent to searchStream with the
developer token (and the manager account when given), rows normalised and stored."""

from tests.external_api.conftest import ADS_DEVELOPER_TOKEN
from tests.external_api.factories import create_connection
from tests.external_api.fakes import json_answer, json_of
from tests.external_api.fakes.google import ADS_URL, SEARCH_STREAM_ANSWER

SEARCH_STREAM = f"{ADS_URL}/v26/customers/1234567890/googleAds:searchStream"
REPORT = {"customer_id": "1234567890", "start_date": "2024-03-01", "end_date": "2024-03-02"}
REPORTS = "/v1/e/google-ads/reports"


async def test_search_stream_is_asked_as_documented(external, member, fake, account_id):
    fake.on("POST", SEARCH_STREAM, json_answer(SEARCH_STREAM_ANSWER))
    await create_connection("google-ads", account_id, access_token="ya29.ads")

    await external.post(REPORTS, headers=member, json={**REPORT, "metrics": ["clicks"]})

    (sent,) = fake.requests
    assert (sent.method, str(sent.url)) == ("POST", SEARCH_STREAM)
    assert sent.headers["authorization"] == "Bearer ya29.ads"
    assert sent.headers["developer-token"] == ADS_DEVELOPER_TOKEN
    assert "login-customer-id" not in sent.headers
    assert json_of(sent) == {
        "query": "SELECT segments.date, campaign.id, campaign.name, metrics.clicks "
        "FROM campaign WHERE segments.date BETWEEN '2024-03-01' AND '2024-03-02'"
    }


async def test_a_managed_customer_is_reached_through_its_manager(
    external, member, fake, account_id
):
    fake.on("POST", SEARCH_STREAM, json_answer(SEARCH_STREAM_ANSWER))
    await create_connection("google-ads", account_id)

    await external.post(REPORTS, headers=member, json={**REPORT, "login_customer_id": "9876543210"})

    assert fake.requests[0].headers["login-customer-id"] == "9876543210"


async def test_rows_are_normalised_and_stored(external, member, fake, account_id):
    fake.on("POST", SEARCH_STREAM, json_answer(SEARCH_STREAM_ANSWER))
    await create_connection("google-ads", account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert response.status_code == 201
    report = response.json()
    assert report["dimensions"] == ["date", "campaign_id", "campaign_name"]
    assert report["rows"][0] == {
        "dimensions": {"date": "2024-03-01", "campaign_id": "111", "campaign_name": "Spring sale"},
        "metrics": {"clicks": 12.0, "impressions": 340.0, "cost_micros": 4560000.0},
    }
    # Google leaves zero metrics out of a row.
    assert report["rows"][1]["metrics"] == {"clicks": 0.0, "impressions": 120.0, "cost_micros": 0.0}
    assert report["totals"]["impressions"] == 460.0


async def test_an_account_level_report_groups_by_day_only(external, member, fake, account_id):
    fake.on("POST", SEARCH_STREAM, json_answer([{"results": []}]))
    await create_connection("google-ads", account_id)

    await external.post(REPORTS, headers=member, json={**REPORT, "level": "customer"})

    assert json_of(fake.requests[0])["query"].startswith(
        "SELECT segments.date, metrics.clicks, metrics.impressions, metrics.cost_micros "
        "FROM customer WHERE"
    )


async def test_metrics_outside_the_list_are_refused(external, member, fake):
    response = await external.post(
        REPORTS, headers=member, json={**REPORT, "metrics": ["clicks FROM x --"]}
    )

    assert response.status_code == 422
    assert fake.requests == []


async def test_a_customer_id_with_dashes_is_refused(external, member, fake):
    response = await external.post(
        REPORTS, headers=member, json={**REPORT, "customer_id": "123-456-7890"}
    )

    assert response.status_code == 422


async def test_googles_refusal_of_the_query_is_a_422_with_its_message(
    external, member, fake, account_id
):
    error = [
        {
            "error": {
                "code": 400,
                "message": "Request contains an invalid argument.",
                "status": "INVALID_ARGUMENT",
            }
        }
    ]
    fake.on("POST", SEARCH_STREAM, json_answer(error, 400))
    await create_connection("google-ads", account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert response.status_code == 422
    assert "invalid argument" in response.json()["error"]["message"]
