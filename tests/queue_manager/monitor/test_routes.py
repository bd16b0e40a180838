"""/v1/queues: every queue with its switch, waiting tasks and consumers; the switches."""

import os
import uuid

import pytest
import redis

from queue_manager.app import create_app
from queue_manager.settings import QueueManagerSettings
from queue_manager.switches import QueueSwitches
from shared.utilities.tasks import TaskSender
from tests.factories import create_signed_in
from tests.queue_manager.factories import service_headers


@pytest.fixture
def settings() -> QueueManagerSettings:
    return QueueManagerSettings(switches=QueueSwitches(contacts=False))


@pytest.fixture
async def api(client_for, settings, mongo):
    async with client_for(create_app(settings)) as client:
        yield client


def by_name(items: list[dict]) -> dict[str, dict]:
    return {item["name"]: item for item in items}


async def test_the_switches_in_force_are_listed_with_their_variables(api):
    answer = await api.get("/v1/queues/switches", headers=service_headers())

    switches = by_name(answer.json())
    assert switches["contacts"] == {
        "name": "contacts",
        "variable": "QM_CONTACTS",
        "on": False,
        "kind": "queue",
        "description": "imports and bulk-updates contacts in the background",
    }
    assert (switches["triggers_sweep"]["on"], switches["triggers_sweep"]["kind"]) == (True, "cron")


@pytest.fixture
def contacts_queue():
    """The `contacts` queue in the test Redis, emptied after the test."""
    sender, broker = (
        TaskSender(os.environ["REDIS_URL"]),
        redis.Redis.from_url(os.environ["REDIS_URL"]),
    )
    yield sender
    broker.delete("contacts")
    broker.close()
    sender.close()


async def test_a_queue_shows_the_tasks_waiting_in_redis(api, contacts_queue):
    contacts_queue.send_now("contacts.import_rows", {"job_id": "j1"}, uuid.uuid4().hex)

    answer = await api.get("/v1/queues", headers=service_headers())

    contacts = by_name(answer.json())["contacts"]
    assert (contacts["switched_on"], contacts["length"]) == (False, 1)


async def test_a_queue_shows_the_workers_consuming_it(api, worker):
    answer = await api.get("/v1/queues", headers=service_headers())

    queues = by_name(answer.json())
    assert queues["triggers"]["consumers"]


async def test_an_account_admin_may_not_see_the_queues(api):
    admin = await create_signed_in()

    answer = await api.get("/v1/queues", headers=admin.headers)

    assert answer.status_code == 403
    assert answer.json()["error"]["code"] == "forbidden"


async def test_the_queues_need_a_token(api):
    answer = await api.get("/v1/queues")

    assert answer.status_code == 401
