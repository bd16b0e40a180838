"""The utilisation cron's snapshot (queue depths, oldest waiting task, worker utilisation) and
/v1/queues/utilization, which shows the latest one."""

import os
import uuid
from datetime import timedelta

import pytest
import redis

from queue_manager.app import create_app
from queue_manager.celery import app
from queue_manager.monitor.service import take_snapshot
from queue_manager.settings import QueueManagerSettings
from queue_manager.switches import QueueSwitches
from shared.models.base import utc_now
from shared.models.queue_snapshot import QueueSample, QueueSnapshot, WorkerSample
from shared.utilities.redis import create_redis
from shared.utilities.tasks import TaskSender
from tests.factories import create_signed_in
from tests.queue_manager.factories import service_headers


@pytest.fixture
async def api(client_for, mongo):
    settings = QueueManagerSettings(switches=QueueSwitches(contacts=False))
    async with client_for(create_app(settings)) as client:
        yield client


@pytest.fixture
async def redis_client():
    client = create_redis(os.environ["REDIS_URL"])
    yield client
    await client.aclose()


@pytest.fixture
def contacts_queue():
    """The `contacts` queue (consumed by no test worker), emptied after the test."""
    sender, broker = (
        TaskSender(os.environ["REDIS_URL"]),
        redis.Redis.from_url(os.environ["REDIS_URL"]),
    )
    broker.delete("contacts")
    yield sender
    broker.delete("contacts")
    broker.close()
    sender.close()


def sample_of(snapshot: QueueSnapshot, queue: str) -> QueueSample:
    return next(sample for sample in snapshot.queues if sample.name == queue)


async def create_snapshot(minutes_ago: int, depth: int) -> QueueSnapshot:
    sample = QueueSample(name="webhook", depth=depth, oldest_waiting_seconds=1.5, consumers=1)
    worker = WorkerSample(name="celery@w1", concurrency=2, active=1, utilisation=0.5)
    taken_at = utc_now() - timedelta(minutes=minutes_ago)
    return await QueueSnapshot(taken_at=taken_at, queues=[sample], workers=[worker]).insert()


async def test_a_snapshot_records_a_queue_depth_and_how_long_its_oldest_task_waited(
    mongo, redis_client, contacts_queue
):
    contacts_queue.send_now("contacts.import_rows", {"job_id": "j1"}, uuid.uuid4().hex)
    contacts_queue.send_now("contacts.import_rows", {"job_id": "j2"}, uuid.uuid4().hex)

    await take_snapshot(redis_client, app)

    stored = await QueueSnapshot.find_all().to_list()
    contacts = sample_of(stored[0], "contacts")
    assert (len(stored), contacts.depth, contacts.consumers) == (1, 2, 0)
    assert contacts.oldest_waiting_seconds is not None and contacts.oldest_waiting_seconds >= 0


async def test_an_empty_queue_has_no_oldest_waiting_task(mongo, redis_client, contacts_queue):
    snapshot = await take_snapshot(redis_client, app)

    assert sample_of(snapshot, "contacts").oldest_waiting_seconds is None


async def test_a_snapshot_records_each_worker_with_its_pool_and_utilisation(
    mongo, redis_client, worker
):
    snapshot = await take_snapshot(redis_client, app)

    stored = await QueueSnapshot.get(snapshot.id)
    assert stored is not None and stored.workers
    assert all(
        0 <= sample.utilisation <= 1 and sample.concurrency >= 1 for sample in stored.workers
    )
    assert sample_of(stored, "triggers").consumers >= 1


async def test_operators_see_the_latest_snapshot(api):
    await create_snapshot(minutes_ago=2, depth=7)
    await create_snapshot(minutes_ago=1, depth=3)

    answer = await api.get("/v1/queues/utilization", headers=service_headers())

    assert answer.status_code == 200
    body = answer.json()
    assert body["queues"] == [
        {"name": "webhook", "depth": 3, "oldest_waiting_seconds": 1.5, "consumers": 1}
    ]
    assert body["workers"] == [
        {"name": "celery@w1", "concurrency": 2, "active": 1, "utilisation": 0.5}
    ]


async def test_before_the_first_snapshot_the_utilization_answers_no_snapshot_yet(api):
    answer = await api.get("/v1/queues/utilization", headers=service_headers())

    assert answer.status_code == 404
    assert answer.json()["error"]["code"] == "no_snapshot_yet"


async def test_an_account_admin_may_not_see_the_utilization(api):
    await create_snapshot(minutes_ago=1, depth=3)
    admin = await create_signed_in()

    answer = await api.get("/v1/queues/utilization", headers=admin.headers)

    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "forbidden"
