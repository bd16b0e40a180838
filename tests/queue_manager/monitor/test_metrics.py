"""The queue manager's `/metrics`: each queue's depth and the age of its oldest waiting task,
read from Redis at scrape time, and the dead letters kept."""

import json
import os
import uuid

import pytest
import redis

from queue_manager.app import create_app
from queue_manager.settings import QueueManagerSettings
from queue_manager.switches import QueueSwitches
from shared.models.base import utc_now
from shared.models.dead_letter import DeadLetter
from shared.utilities.tasks import SENT_AT, TaskSender
from tests.metrics_scrape import scrape, value

QUEUE = "contacts"


@pytest.fixture
async def api(client_for, mongo):
    settings = QueueManagerSettings(switches=QueueSwitches(contacts=False))
    async with client_for(create_app(settings)) as client:
        yield client


@pytest.fixture
def broker():
    client = redis.Redis.from_url(os.environ["REDIS_URL"])
    sender = TaskSender(os.environ["REDIS_URL"])
    client.delete(QUEUE)
    yield sender, client
    client.delete(QUEUE)
    client.close()
    sender.close()


def sent_seconds_ago(client: redis.Redis, seconds: float) -> None:
    """The queue's oldest task (the list's last) stamped as sent `seconds` ago."""
    message = json.loads(client.lindex(QUEUE, -1))
    message["headers"][SENT_AT] -= seconds
    client.lset(QUEUE, -1, json.dumps(message))


async def test_a_queues_depth_and_its_oldest_tasks_wait_are_exported(api, broker):
    sender, client = broker
    for job in ("j1", "j2"):
        sender.send_now("contacts.import_rows", {"job_id": job}, uuid.uuid4().hex)
    sent_seconds_ago(client, 120)

    exposition = await scrape(api)

    assert value(exposition, "celery_queue_length", queue=QUEUE) == 2
    assert value(exposition, "celery_queue_oldest_waiting_seconds", queue=QUEUE) >= 120


async def test_an_empty_queue_has_waited_nothing(api, broker):
    exposition = await scrape(api)

    assert value(exposition, "celery_queue_length", queue=QUEUE) == 0
    assert value(exposition, "celery_queue_oldest_waiting_seconds", queue=QUEUE) == 0


async def test_the_dead_letters_kept_are_counted(api):
    await DeadLetter(
        task_id=uuid.uuid4().hex,
        task_name="contacts.import_rows",
        kwargs={},
        error="ValueError: no",
        attempts=6,
        failed_at=utc_now(),
    ).insert()

    assert value(await scrape(api), "celery_dead_letters") == 1
