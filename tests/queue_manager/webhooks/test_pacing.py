"""Each endpoint's deliveries are paced in Redis: its burst goes at once, then one delivery per
interval, each booked slot later than the last; endpoints are paced apart."""

import os
import uuid

import pytest

from queue_manager.webhooks.pacing import Pacer
from shared.utilities.redis import create_redis

PER_SECOND = 10  # one slot every 100 ms


@pytest.fixture
async def pacer():
    made = Pacer(create_redis(os.environ["REDIS_URL"]), PER_SECOND, burst=2)
    yield made
    await made.close()


def endpoint_id() -> str:
    return uuid.uuid4().hex


async def test_an_endpoint_is_sent_its_burst_at_once(pacer):
    endpoint = endpoint_id()

    waits = [await pacer.wait_seconds(endpoint) for _ in range(2)]

    assert waits == [0, 0]


async def test_past_its_burst_each_delivery_waits_for_a_later_slot(pacer):
    endpoint = endpoint_id()
    for _ in range(2):
        await pacer.wait_seconds(endpoint)

    third, fourth = await pacer.wait_seconds(endpoint), await pacer.wait_seconds(endpoint)

    assert 0 < third <= 0.1
    assert third < fourth <= 0.2


async def test_endpoints_are_paced_apart(pacer):
    busy = endpoint_id()
    for _ in range(5):
        await pacer.wait_seconds(busy)

    assert await pacer.wait_seconds(endpoint_id()) == 0
