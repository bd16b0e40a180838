"""One analytics pull on the queue manager's real worker (solo pool, the test Redis as its
broker), made by the external API on a real port with CallRail faked at the transport: the
account's calls land in the analytics store as daily metrics, read back from it."""

import os
from datetime import date

import pytest
from beanie import PydanticObjectId

from external_api.app import create_app
from queue_manager.celery import settings
from shared.domain.analytics.sync import ask_pull
from shared.models.analytics_daily_metric import AnalyticsDailyMetric
from shared.utilities.outbox import Senders, collecting
from tests.external_api.conftest import external_settings
from tests.external_api.fakes import FakeProviders, json_answer, query_of
from tests.external_api.fakes.callrail import ACCOUNT_ID, API_KEY, CALL, CALLS_URL
from tests.external_api.integrations.connections import create_key_connection
from tests.fixtures import running
from tests.queue_manager.queues.conftest import eventually

CALLS_PAGE = {
    "page": 1,
    "per_page": 250,
    "total_pages": 1,
    "total_records": 2,
    "calls": [
        CALL | {"id": "CAL1", "start_time": "2024-03-01T09:00:00.000-05:00", "source": "Direct"},
        CALL | {"id": "CAL2", "start_time": "2024-03-02T10:00:00.000-05:00", "source": "Direct"},
    ],
}


@pytest.fixture
def senders():
    """What the API asking the pull sends its outbox with."""
    senders = Senders.for_redis(os.environ["REDIS_URL"])
    yield senders
    senders.close()


@pytest.fixture
def fake() -> FakeProviders:
    return FakeProviders()


@pytest.fixture
async def external_api(mongo, fake, monkeypatch):
    """The external API on a real port, the queue manager's calls pointed at it."""
    async with running(create_app(external_settings(), fake.transport())) as url:
        monkeypatch.setattr(settings, "external_api_url", url)
        yield url


async def test_a_pull_on_the_worker_stores_the_days_calls(senders, external_api, worker, fake):
    account_id = str(PydanticObjectId())
    await create_key_connection("callrail", account_id, API_KEY, ACCOUNT_ID)
    fake.on("GET", CALLS_URL, json_answer(CALLS_PAGE))

    async with collecting(senders):
        ask_pull(account_id, "callrail", date(2024, 3, 1), date(2024, 3, 2))

    def rows():
        return AnalyticsDailyMetric.find({"account_id": PydanticObjectId(account_id)}).to_list()

    async def stored() -> bool:
        return bool(await rows())

    await eventually(stored)
    [asked] = fake.sent("GET", CALLS_URL)
    assert (query_of(asked)["start_date"], query_of(asked)["end_date"]) == (
        "2024-03-01",
        "2024-03-02",
    )
    calls = {
        (row.day.date(), row.entity_id): row.value
        for row in await rows()
        if (row.source, row.metric) == ("callrail", "calls")
    }
    assert calls == {(date(2024, 3, 1), "Direct"): 1, (date(2024, 3, 2), "Direct"): 1}
