"""Mailchimp's campaign reports pulled into the analytics store by the queue manager's sync:
every page read (`count`/`offset` against `total_items`) for campaigns sent in the range, each
campaign's totals stored on its send day, once however often pulled."""

from beanie import PydanticObjectId

from shared.models.analytics_daily_metric import AnalyticsDailyMetric
from tests.external_api.factories import new_account_id
from tests.external_api.fakes import json_answer, query_of
from tests.external_api.fakes.mailchimp import REPORTS_URL, report, reports_page
from tests.external_api.integrations.mailchimp.conftest import connect
from tests.external_api.integrations.reports.test_sync import from_service

SYNC = "/v1/e/analytics/sync"


def body(account_id: str) -> dict:
    return {
        "account_id": account_id,
        "source": "mailchimp",
        "start_date": "2024-03-01",
        "end_date": "2024-03-02",
    }


async def test_every_page_of_the_ranges_reports_is_asked(crm_api, fake):
    account_id = new_account_id()
    await connect(account_id)
    fake.on(
        "GET",
        REPORTS_URL,
        json_answer(reports_page([report("42694e9e57", "2024-03-01T14:00:00+00:00")], 2)),
        json_answer(reports_page([report("b03bfc273a", "2024-03-02T09:30:00+00:00")], 2)),
    )

    response = await crm_api.post(
        SYNC, json=body(account_id), headers=from_service("queue_manager")
    )

    assert response.json() == {"pulls": 1}
    first, second = (query_of(sent) for sent in fake.sent("GET", REPORTS_URL))
    assert first == {
        "count": "100",
        "offset": "0",
        "since_send_time": "2024-03-01T00:00:00+00:00",
        "before_send_time": "2024-03-03T00:00:00+00:00",
    }
    assert second["offset"] == "1"


async def test_a_campaigns_totals_are_stored_on_its_send_day_once(crm_api, fake):
    account_id = new_account_id()
    await connect(account_id)
    page = reports_page([report("42694e9e57", "2024-03-01T14:00:00+00:00")], 1)
    fake.on("GET", REPORTS_URL, json_answer(page))

    for _ in range(2):
        await crm_api.post(SYNC, json=body(account_id), headers=from_service("queue_manager"))

    stored = AnalyticsDailyMetric.find(
        {
            "account_id": PydanticObjectId(account_id),
            "source": "mailchimp",
            "entity_type": "campaign",
            "entity_id": "42694e9e57",
        }
    )
    rows = {row.metric: row for row in await stored.to_list()}
    assert {metric: row.value for metric, row in rows.items()} == {
        "emails_sent": 200,
        "opens": 150,
        "unique_opens": 90,
        "clicks": 40,
        "unique_clicks": 25,
        "unsubscribes": 3,
        "bounces": 3,
    }
    sent = rows["emails_sent"]
    assert (sent.entity_type, sent.entity_id, sent.day.date().isoformat()) == (
        "campaign",
        "42694e9e57",
        "2024-03-01",
    )
    assert sent.entity_name == "Newsletter 42694e9e57"
