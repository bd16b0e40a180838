"""/v1/e/analytics: the queue manager's pull of a source's days into the analytics store
(CallRail's calls counted by day and source; a reported Google Ads customer asked again for the
new days), each day stored once however often it is pulled; a back-fill asks a job per month."""

import pytest

from shared.domain.analytics.repository import stored_rows
from shared.utilities.auth import authenticator_for, service_token
from shared.utilities.settings import ServiceSettings
from tests.external_api.factories import create_connection
from tests.external_api.fakes import json_answer, json_of, query_of
from tests.external_api.fakes.callrail import ACCOUNT_ID, API_KEY, CALL, CALLS_URL
from tests.external_api.fakes.google import ADS_URL, SEARCH_STREAM_ANSWER
from tests.external_api.integrations.connections import create_key_connection

SYNC = "/v1/e/analytics/sync"
SEARCH_STREAM = f"{ADS_URL}/v26/customers/1234567890/googleAds:searchStream"


def from_service(name: str) -> dict:
    token = service_token(authenticator_for(ServiceSettings()), name, "external_api")
    return {"authorization": f"Bearer {token}"}


def call(number: int, start_time: str, source: str, answered: bool) -> dict:
    return CALL | {
        "id": f"CAL{number}",
        "start_time": start_time,
        "source": source,
        "answered": answered,
        "duration": 60,
    }


CALLS = [
    call(1, "2024-03-01T09:00:00.000-05:00", "Google Ads", True),
    call(2, "2024-03-01T17:30:00.000-05:00", "Google Ads", False),
    call(3, "2024-03-02T10:00:00.000-05:00", "Direct", True),
]


def calls_page(calls: list[dict], page: int, total_pages: int) -> dict:
    return {
        "page": page,
        "per_page": 250,
        "total_pages": total_pages,
        "total_records": 3,
        "calls": calls,
    }


@pytest.fixture
def sync_body(account_id) -> dict:
    return {"account_id": account_id, "start_date": "2024-03-01", "end_date": "2024-03-02"}


async def test_callrails_calls_are_counted_by_day_and_source_once(
    external, fake, account_id, sync_body
):
    await create_key_connection("callrail", account_id, API_KEY, ACCOUNT_ID)
    fake.on(
        "GET",
        CALLS_URL,
        json_answer(calls_page(CALLS[:2], 1, 2)),
        json_answer(calls_page(CALLS[2:], 2, 2)),
    )
    body = {**sync_body, "source": "callrail"}

    await external.post(SYNC, json=body, headers=from_service("queue_manager"))
    fake.on(
        "GET",
        CALLS_URL,
        json_answer(calls_page(CALLS[:2], 1, 2)),
        json_answer(calls_page(CALLS[2:], 2, 2)),
    )
    await external.post(SYNC, json=body, headers=from_service("queue_manager"))

    first = query_of(fake.sent("GET", CALLS_URL)[0])
    assert (first["start_date"], first["end_date"], first["fields"]) == (
        "2024-03-01",
        "2024-03-02",
        "source",
    )
    rows = await stored_rows(account_id, "callrail")
    calls = {(row.day.day, row.entity_id): row.value for row in rows if row.metric == "calls"}
    answered = {
        (row.day.day, row.entity_id): row.value for row in rows if row.metric == "answered_calls"
    }
    assert calls == {(1, "Google Ads"): 2, (2, "Direct"): 1}
    assert answered == {(1, "Google Ads"): 1, (2, "Direct"): 1}


async def test_a_reported_customer_is_asked_again_for_the_new_days(
    external, member, fake, account_id, sync_body
):
    await create_connection("google-ads", account_id)
    fake.on("POST", SEARCH_STREAM, json_answer(SEARCH_STREAM_ANSWER))
    report = {"customer_id": "1234567890", "start_date": "2024-02-01", "end_date": "2024-02-02"}
    await external.post(
        "/v1/e/google-ads/reports", headers=member, json={**report, "metrics": ["clicks"]}
    )

    response = await external.post(
        SYNC, json={**sync_body, "source": "google-ads"}, headers=from_service("queue_manager")
    )

    assert response.json() == {"pulls": 1}
    again = json_of(fake.requests[-1])["query"]
    assert again.startswith("SELECT segments.date, campaign.id, campaign.name, metrics.clicks ")
    assert again.endswith("BETWEEN '2024-03-01' AND '2024-03-02'")
    rows = await stored_rows(account_id, "google-ads")
    assert len(rows) == 2  # the answer's two days, stored once


async def test_only_the_queue_manager_may_sync(external, fake, member, sync_body):
    body = {**sync_body, "source": "callrail"}

    as_user = await external.post(SYNC, json=body, headers=member)
    as_internal_api = await external.post(SYNC, json=body, headers=from_service("internal_api"))

    assert (as_user.status_code, as_internal_api.status_code) == (401, 403)
    assert fake.requests == []


async def test_a_backfill_asks_a_pull_per_month(external, jobs, admin, account_id):
    body = {"source": "google-ads", "start_date": "2024-01-01", "end_date": "2024-03-15"}

    response = await external.post("/v1/e/analytics/backfill", json=body, headers=admin)

    assert (response.status_code, response.json()) == (202, {"jobs": 3})
    pulls = [kwargs for name, kwargs, _ in jobs.sent if name == "analytics_sync.pull"]
    assert [(pull["start_date"], pull["end_date"]) for pull in pulls] == [
        ("2024-01-01", "2024-01-31"),
        ("2024-02-01", "2024-03-02"),
        ("2024-03-03", "2024-03-15"),
    ]
    assert {pull["account_id"] for pull in pulls} == {account_id}
