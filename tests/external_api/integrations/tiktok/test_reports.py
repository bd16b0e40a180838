"""TikTok's integrated report: asked with the `Access-Token` header and JSON-array dimensions
and metrics, every page read, a range longer than 30 days asked in windows, the rows stored by
day; TikTok's error codes (in HTTP 200 answers) mapped: a refused token asks to reconnect, too
many requests is a 429, and an HTTP 429 is waited out as its Retry-After asks."""

import json

from beanie import PydanticObjectId

from shared.models.analytics_daily_metric import AnalyticsDailyMetric
from shared.models.integration_credential import ConnectionStatus
from shared.models.tiktok_token import TiktokToken
from tests.external_api.factories import create_connection
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.tiktok import (
    ADVERTISER_ID,
    REPORT_URL,
    TOKEN_INVALID,
    TOO_MANY,
    campaign_row,
    report_page,
)

REPORTS = "/v1/e/tiktok/reports"
REPORT = {"advertiser_id": ADVERTISER_ID, "start_date": "2024-03-01", "end_date": "2024-03-02"}
FIRST = campaign_row("2024-03-01", "1790000000000001", "Launch", "12.34", "21")
SECOND = campaign_row("2024-03-02", "1790000000000001", "Launch", "0", "0")


async def connect(account_id: str, access_token: str = "act.current") -> None:
    await create_connection("tiktok", account_id, access_token, refresh_token="", expires_in=None)


async def stored_rows(account_id: str) -> list[AnalyticsDailyMetric]:
    of_source = {"account_id": PydanticObjectId(account_id), "source": "tiktok-ads"}
    return await AnalyticsDailyMetric.find(of_source).to_list()


async def test_the_report_is_asked_as_documented(external, member, fake, account_id):
    fake.on("GET", REPORT_URL, json_answer(report_page([FIRST], 1, 1)))
    await connect(account_id, "act.current")

    await external.post(REPORTS, headers=member, json=REPORT)

    (sent,) = fake.sent("GET", REPORT_URL)
    assert sent.headers["access-token"] == "act.current"
    assert "authorization" not in sent.headers
    assert query_of(sent) == {
        "advertiser_id": ADVERTISER_ID,
        "report_type": "BASIC",
        "data_level": "AUCTION_CAMPAIGN",
        "dimensions": json.dumps(["campaign_id", "stat_time_day"]),
        "metrics": json.dumps(["spend", "impressions", "clicks", "campaign_name"]),
        "start_date": "2024-03-01",
        "end_date": "2024-03-02",
        "page": "1",
        "page_size": "1000",
    }


async def test_every_page_is_read_and_stored_by_day(external, member, fake, account_id):
    fake.on(
        "GET",
        REPORT_URL,
        json_answer(report_page([FIRST], 1, 2)),
        json_answer(report_page([SECOND], 2, 2)),
    )
    await connect(account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert [query_of(sent)["page"] for sent in fake.sent("GET", REPORT_URL)] == ["1", "2"]
    assert response.json()["rows"][0] == {
        "dimensions": {
            "date": "2024-03-01",
            "campaign_id": "1790000000000001",
            "campaign_name": "Launch",
        },
        "metrics": {"spend": 12.34, "impressions": 1000.0, "clicks": 21.0},
    }
    cost = {row.day.day: row.value for row in await stored_rows(account_id) if row.metric == "cost"}
    assert cost == {1: 1234, 2: 0}


async def test_a_report_pulled_again_leaves_one_set_of_rows(external, member, fake, account_id):
    fake.on("GET", REPORT_URL, json_answer(report_page([FIRST, SECOND], 1, 1)))
    await connect(account_id)

    await external.post(REPORTS, headers=member, json=REPORT)
    await external.post(REPORTS, headers=member, json=REPORT)

    assert len(await stored_rows(account_id)) == 6  # 2 days x 3 metrics


async def test_a_range_over_thirty_days_is_asked_in_windows(external, member, fake, account_id):
    fake.on("GET", REPORT_URL, json_answer(report_page([], 1, 0)))
    await connect(account_id)

    await external.post(
        REPORTS,
        headers=member,
        json={**REPORT, "start_date": "2024-01-01", "end_date": "2024-02-15"},
    )

    ranges = [(query_of(s)["start_date"], query_of(s)["end_date"]) for s in fake.requests]
    assert ranges == [("2024-01-01", "2024-01-30"), ("2024-01-31", "2024-02-15")]


async def test_an_advertiser_level_report_is_stored_for_the_advertiser(
    external, member, fake, account_id
):
    row = {"dimensions": {"advertiser_id": ADVERTISER_ID, "stat_time_day": "2024-03-01 00:00:00"}}
    row["metrics"] = {"clicks": "9"}
    fake.on("GET", REPORT_URL, json_answer(report_page([row], 1, 1)))
    await connect(account_id)

    await external.post(
        REPORTS, headers=member, json={**REPORT, "level": "advertiser", "metrics": ["clicks"]}
    )

    assert query_of(fake.requests[0])["data_level"] == "AUCTION_ADVERTISER"
    (stored,) = await stored_rows(account_id)
    assert (stored.entity_type, stored.entity_id, stored.value) == ("advertiser", ADVERTISER_ID, 9)


async def test_a_refused_token_asks_to_reconnect(external, member, fake, account_id):
    fake.on("GET", REPORT_URL, json_answer(TOKEN_INVALID))
    await connect(account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert (response.status_code, response.json()["error"]["code"]) == (409, "reconnect_needed")
    stored = await TiktokToken.find_one()
    assert stored.status == ConnectionStatus.RECONNECT_NEEDED
    assert await stored_rows(account_id) == []


async def test_too_many_requests_in_the_envelope_is_a_429(external, member, fake, account_id):
    fake.on("GET", REPORT_URL, json_answer(TOO_MANY))
    await connect(account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert (response.status_code, response.json()["error"]["code"]) == (429, "rate_limited")
    assert response.headers["retry-after"] == "1"


async def test_an_http_429_is_waited_out_as_retry_after_asks(
    external, member, fake, waits, account_id
):
    fake.on(
        "GET",
        REPORT_URL,
        json_answer({"message": "Too Many Requests"}, 429, {"retry-after": "4"}),
        json_answer(report_page([FIRST], 1, 1)),
    )
    await connect(account_id)

    response = await external.post(REPORTS, headers=member, json=REPORT)

    assert response.status_code == 201
    assert waits == [4.0]


async def test_an_advertiser_id_that_is_not_a_number_is_refused(external, member, fake):
    response = await external.post(
        REPORTS, headers=member, json={**REPORT, "advertiser_id": "1; drop"}
    )

    assert response.status_code == 422
    assert fake.requests == []
