"""Deals publish platform events for webhooks when they are created and when they move onto
another stage; moving within a stage publishes nothing."""

import pytest

from tests.factories import create_deal, create_pipeline, create_signed_in
from tests.internal_api.webhooks.queued import events_published


@pytest.fixture(autouse=True)
async def no_earlier_events(redis):
    await redis.delete("hooks")
    yield
    await redis.delete("hooks")


async def move(api, signed_in, deal, stage, position=None):
    body = {"stage_id": str(stage.id), "position": position}
    return await api.post(f"/v1/crm/deals/{deal.id}/move", json=body, headers=signed_in.headers)


async def test_creating_a_deal_publishes_deal_created(api, redis):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    body = {
        "title": "Redesign",
        "pipeline_id": str(pipeline.id),
        "stage_id": str(pipeline.stages[0].id),
    }

    response = await api.post("/v1/crm/deals", json=body, headers=owner.headers)

    [event] = await events_published(redis, 1)
    assert (event["type"], event["account_id"]) == ("deal.created", str(owner.account.id))
    assert event["data"]["deal"]["id"] == response.json()["id"]


async def test_moving_a_deal_onto_another_stage_publishes_deal_stage_changed(api, redis):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    deal = await create_deal(pipeline)

    await move(api, owner, deal, pipeline.stages[1])

    [event] = await events_published(redis, 1)
    assert event["type"] == "deal.stage_changed"
    assert event["data"]["deal"]["stage_id"] == str(pipeline.stages[1].id)
    assert {
        "field": "stage_id",
        "old": str(pipeline.stages[0].id),
        "new": str(pipeline.stages[1].id),
    } in event["data"]["changes"]


async def test_moving_a_deal_within_its_stage_publishes_nothing(api, redis):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    first, second = await create_deal(pipeline), await create_deal(pipeline)

    await move(api, owner, second, pipeline.stages[0], position=0)
    await move(api, owner, first, pipeline.stages[2])  # a marker behind it

    [event] = await events_published(redis, 1)
    assert (event["type"], event["data"]["deal"]["id"]) == ("deal.stage_changed", str(first.id))
