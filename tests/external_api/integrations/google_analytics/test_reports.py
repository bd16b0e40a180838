"""GA4 reports: runReport asked as documented, every page pulled, rows normalised and stored."""

from beanie import PydanticObjectId

from shared.models.analytics_report import AnalyticsReport
from tests.external_api.factories import create_connection, new_account_id
from tests.external_api.fakes import json_answer, json_of
from tests.external_api.fakes.google import ANALYTICS_URL, RATE_LIMITED, run_report_answer

RUN_REPORT = f"{ANALYTICS_URL}/v1beta/properties/123456:runReport"
REPORT = {"property_id": "123456", "start_date": "2024-03-01", "end_date": "2024-03-02"}
REPORTS = "/v1/e/google-analytics/reports"


async def test_run_report_is_asked_as_documented(external, member, fake, account_id):
    fake.on("POST", RUN_REPORT, json_answer(run_report_answer([])))
    await create_connection("google-analytics", account_id, access_token="ya29.ga")

    await external.post(REPORTS, headers=member, json=REPORT)

    (sent,) = fake.requests
    assert sent.method == "POST"
    assert str(sent.url) == RUN_REPORT
    assert sent.headers["authorization"] == "Bearer ya29.ga"
    assert json_of(sent) == {
        "dateRanges": [{"startDate": "2024-03-01", "endDate": "2024-03-02"}],
        "dimensions": [{"name": "date"}],
        "metrics": [{"name": "sessions"}, {"name": "activeUsers"}],
        "limit": 10000,
        "offset": 0,
    }


async def test_rows_are_normalised_and_stored(external, member, fake, account_id):
    answer = run_report_answer([("20240301", "10", "8"), ("20240302", "5", "4")])
    fake.on("POST", RUN_REPORT, json_answer(answer))
    await create_connection("google-analytics", account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert response.status_code == 201
    report = response.json()
    assert report["rows"] == [
        {"dimensions": {"date": "2024-03-01"}, "metrics": {"sessions": 10.0, "activeUsers": 8.0}},
        {"dimensions": {"date": "2024-03-02"}, "metrics": {"sessions": 5.0, "activeUsers": 4.0}},
    ]
    assert report["totals"] == {"sessions": 15.0, "activeUsers": 12.0}
    stored = await AnalyticsReport.get(report["id"])
    assert stored.account_id == PydanticObjectId(account_id)
    assert (stored.provider, stored.source_id) == ("google-analytics", "123456")


async def test_every_page_is_pulled(external, member, fake, account_id, monkeypatch):
    monkeypatch.setattr("external_api.integrations.google_analytics.client.PAGE_ROWS", 2)
    first = run_report_answer([("20240301", "1", "1"), ("20240302", "2", "2")], row_count=3)
    second = run_report_answer([("20240303", "3", "3")], row_count=3)
    fake.on("POST", RUN_REPORT, json_answer(first), json_answer(second))
    await create_connection("google-analytics", account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert [json_of(sent)["offset"] for sent in fake.requests] == [0, 2]
    assert len(response.json()["rows"]) == 3


async def test_a_busy_google_is_waited_for(external, member, fake, account_id, waits):
    fake.on(
        "POST",
        RUN_REPORT,
        json_answer(RATE_LIMITED, 429, {"retry-after": "2"}),
        json_answer(run_report_answer([("20240301", "1", "1")])),
    )
    await create_connection("google-analytics", account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert response.status_code == 201
    assert waits == [2.0]
    assert len(fake.requests) == 2


async def test_a_bad_property_id_is_refused_before_calling_google(external, member, fake):
    response = await external.post(
        REPORTS, headers=member, json={**REPORT, "property_id": "123/../../x"}
    )

    assert response.status_code == 422
    assert fake.requests == []


async def test_a_range_ending_before_it_starts_is_refused(external, member, fake):
    response = await external.post(
        REPORTS, headers=member, json={**REPORT, "end_date": "2024-02-01"}
    )

    assert response.status_code == 422


async def test_stored_reports_are_listed_for_the_account_only(external, member, fake, account_id):
    fake.on("POST", RUN_REPORT, json_answer(run_report_answer([("20240301", "1", "1")])))
    await create_connection("google-analytics", account_id)
    created = (await external.post(REPORTS, headers=member, json=REPORT)).json()
    await AnalyticsReport(
        account_id=PydanticObjectId(new_account_id()),
        provider="google-analytics",
        source_id="9",
        start_date="2024-03-01",
        end_date="2024-03-01",
        dimensions=[],
        metrics=[],
        rows=[],
    ).insert()

    listed = (await external.get(REPORTS, headers=member)).json()
    one = await external.get(f"{REPORTS}/{created['id']}", headers=member)

    assert [item["id"] for item in listed["data"]] == [created["id"]]
    assert listed["data"][0]["row_count"] == 1
    assert one.json()["rows"] == created["rows"]


async def test_a_report_of_another_provider_is_not_found_here(external, member, fake, account_id):
    fake.on("POST", RUN_REPORT, json_answer(run_report_answer([])))
    await create_connection("google-analytics", account_id)
    created = (await external.post(REPORTS, headers=member, json=REPORT)).json()

    response = await external.get(f"/v1/e/google-ads/reports/{created['id']}", headers=member)

    assert response.status_code == 404


async def test_a_report_id_that_is_not_one_is_refused_without_being_echoed(external, member):
    response = await external.get(f"{REPORTS}/%00", headers=member)

    assert response.status_code == 422
    assert "\\u0000" not in response.text
