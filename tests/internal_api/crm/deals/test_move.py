"""POST /v1/crm/deals/{id}/move: onto a stage at a position; positions stay 0, 1, 2, ..."""

from shared.models.crm_log import CrmLog
from shared.models.deal import Deal
from tests.factories import create_deal, create_pipeline, create_signed_in


async def move(api, signed_in, deal, stage, position=None):
    body = {"stage_id": str(stage.id), "position": position}
    return await api.post(f"/v1/crm/deals/{deal.id}/move", json=body, headers=signed_in.headers)


async def order(stage) -> list:
    deals = await Deal.find({"stage_id": stage.id}).sort("position").to_list()
    return [(deal.id, deal.position) for deal in deals]


async def test_a_deal_moves_up_within_its_stage(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    lead = pipeline.stages[0]
    a, b, c = [await create_deal(pipeline) for _ in range(3)]

    response = await move(api, owner, c, lead, 0)

    assert response.status_code == 200
    assert await order(lead) == [(c.id, 0), (a.id, 1), (b.id, 2)]


async def test_a_deal_moves_down_within_its_stage(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    lead = pipeline.stages[0]
    a, b, c = [await create_deal(pipeline) for _ in range(3)]

    await move(api, owner, a, lead, 1)

    assert await order(lead) == [(b.id, 0), (a.id, 1), (c.id, 2)]


async def test_a_deal_moves_to_a_position_on_another_stage(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    lead, qualified, _ = pipeline.stages
    a, b = await create_deal(pipeline, lead), await create_deal(pipeline, lead)
    x, y = await create_deal(pipeline, qualified), await create_deal(pipeline, qualified)

    response = await move(api, owner, a, qualified, 1)

    assert response.json()["stage_id"] == str(qualified.id)
    assert await order(lead) == [(b.id, 0)]
    assert await order(qualified) == [(x.id, 0), (a.id, 1), (y.id, 2)]


async def test_a_position_past_the_end_puts_the_deal_last(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    lead, qualified, _ = pipeline.stages
    deal, other = await create_deal(pipeline, lead), await create_deal(pipeline, qualified)

    response = await move(api, owner, deal, qualified, 50)

    assert response.json()["position"] == 1
    assert await order(qualified) == [(other.id, 0), (deal.id, 1)]


async def test_without_a_position_the_deal_goes_last(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    lead, qualified, _ = pipeline.stages
    deal = await create_deal(pipeline, lead)
    await create_deal(pipeline, qualified)

    response = await move(api, owner, deal, qualified)

    assert response.json()["position"] == 1


async def test_a_deal_moves_to_another_pipeline_of_the_account(api):
    owner = await create_signed_in()
    sales, renewals = await create_pipeline(owner.account), await create_pipeline(owner.account)
    deal = await create_deal(sales)

    response = await move(api, owner, deal, renewals.stages[2])

    assert response.json()["pipeline_id"] == str(renewals.id)
    assert (await Deal.get(deal.id)).stage_id == renewals.stages[2].id


async def test_a_move_to_another_accounts_stage_answers_404(api):
    owner = await create_signed_in()
    deal = await create_deal(await create_pipeline(owner.account))
    theirs = await create_pipeline((await create_signed_in()).account)

    response = await move(api, owner, deal, theirs.stages[0])

    assert response.status_code == 404
    assert (await Deal.get(deal.id)).pipeline_id == deal.pipeline_id


async def test_a_stage_change_is_logged_old_to_new(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    lead, qualified, _ = pipeline.stages
    deal = await create_deal(pipeline, lead)

    await move(api, owner, deal, qualified)

    log = await CrmLog.find_one({"entity_id": deal.id})
    assert log.action == "stage_changed"
    assert {change.field: (change.old, change.new) for change in log.changes} == {
        "stage_id": (str(lead.id), str(qualified.id))
    }


async def test_a_reorder_within_a_stage_is_logged_as_a_move(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline)
    deal = await create_deal(pipeline)

    await move(api, owner, deal, pipeline.stages[0], 0)

    log = await CrmLog.find_one({"entity_id": deal.id})
    assert (log.action, [change.field for change in log.changes]) == ("moved", ["position"])


async def test_a_negative_position_answers_422(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    deal = await create_deal(pipeline)

    response = await move(api, owner, deal, pipeline.stages[1], -1)

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.position"
