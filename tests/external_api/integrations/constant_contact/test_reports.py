"""Constant Contact's email campaigns summary report pulled into the analytics store: pages
followed by `_links.next.href` until one holds only campaigns sent before the range, each
campaign's unique counts stored on its send day; a 429 retried after its Retry-After."""

from beanie import PydanticObjectId

from shared.models.analytics_daily_metric import AnalyticsDailyMetric
from tests.external_api.factories import create_connection
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.constant_contact import (
    SUMMARIES_URL,
    TOO_MANY,
    summaries_page,
    summary,
)
from tests.external_api.integrations.reports.test_sync import from_service

SYNC = "/v1/e/analytics/sync"
IN_RANGE = summary("43ee2c37-c8f8-4974-9560-ef93ad51d58b", "2024-03-02T11:08:00.000Z")
BEFORE = summary("9a1c0e57-1b7d-4c2e-8f3a-5d6e7f8a9b0c", "2024-02-20T09:00:00.000Z")


async def pull(crm_api, account_id: str):
    body = {
        "account_id": account_id,
        "source": "constant-contact",
        "start_date": "2024-03-01",
        "end_date": "2024-03-02",
    }
    return await crm_api.post(SYNC, json=body, headers=from_service("queue_manager"))


async def rows_of(account_id: str, campaign_id: str) -> dict[str, AnalyticsDailyMetric]:
    found = AnalyticsDailyMetric.find(
        {
            "account_id": PydanticObjectId(account_id),
            "source": "constant-contact",
            "entity_type": "campaign",
            "entity_id": campaign_id,
        }
    )
    return {row.metric: row for row in await found.to_list()}


async def test_pages_are_followed_until_one_is_older_than_the_range(crm_api, fake, account_id):
    await create_connection("constant-contact", account_id, "cc-access")
    fake.on(
        "GET",
        SUMMARIES_URL,
        json_answer(summaries_page([IN_RANGE], next_token="bmV4dA")),
        json_answer(summaries_page([BEFORE], next_token="bW9yZQ")),
    )

    response = await pull(crm_api, account_id)

    assert response.json() == {"pulls": 1}
    first, second = (query_of(sent) for sent in fake.sent("GET", SUMMARIES_URL))
    assert first == {"limit": "50"}
    assert second == {"limit": "50", "next": "bmV4dA"}


async def test_a_campaigns_unique_counts_are_stored_on_its_send_day(crm_api, fake, account_id):
    await create_connection("constant-contact", account_id, "cc-access")
    fake.on("GET", SUMMARIES_URL, json_answer(summaries_page([IN_RANGE, BEFORE])))

    await pull(crm_api, account_id)

    rows = await rows_of(account_id, IN_RANGE["campaign_id"])
    assert {metric: row.value for metric, row in rows.items()} == {
        "emails_sent": 3129,
        "unique_opens": 1672,
        "unique_clicks": 256,
        "unsubscribes": 3,
        "bounces": 210,
    }
    assert rows["emails_sent"].day.date().isoformat() == "2024-03-02"
    assert await rows_of(account_id, BEFORE["campaign_id"]) == {}


async def test_a_429_is_retried_after_the_wait_constant_contact_asks(
    crm_api, fake, waits, account_id
):
    await create_connection("constant-contact", account_id, "cc-access")
    fake.on(
        "GET",
        SUMMARIES_URL,
        json_answer(TOO_MANY, 429, headers={"retry-after": "3"}),
        json_answer(summaries_page([IN_RANGE])),
    )

    response = await pull(crm_api, account_id)

    assert response.status_code == 200
    assert waits == [3.0]
