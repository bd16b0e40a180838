"""/v1/crm/pipelines/{id}/stages: adding, renaming, reordering and deleting stages."""

from shared.models.crm_log import CrmLog
from shared.models.deal import Deal
from shared.models.pipeline import Pipeline
from tests.factories import create_deal, create_pipeline, create_signed_in


def names(response) -> list[str]:
    return [stage["name"] for stage in response.json()["stages"]]


async def test_a_stage_is_added_at_the_end(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Won")

    response = await api.post(
        f"/v1/crm/pipelines/{pipeline.id}/stages", json={"name": "Lost"}, headers=owner.headers
    )

    assert response.status_code == 201
    assert names(response) == ["Lead", "Won", "Lost"]


async def test_a_stage_is_added_at_a_position(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Won")

    response = await api.post(
        f"/v1/crm/pipelines/{pipeline.id}/stages",
        json={"name": "Proposal", "position": 1},
        headers=owner.headers,
    )

    assert names(response) == ["Lead", "Proposal", "Won"]


async def test_a_negative_position_answers_422(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)

    response = await api.post(
        f"/v1/crm/pipelines/{pipeline.id}/stages",
        json={"name": "Proposal", "position": -1},
        headers=owner.headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.position"


async def test_a_position_past_64_bits_answers_422(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)

    response = await api.post(
        f"/v1/crm/pipelines/{pipeline.id}/stages",
        json={"name": "Later", "position": 2**63},
        headers=owner.headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.position"


async def test_a_stage_is_renamed_and_keeps_its_id(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Won")
    lead = pipeline.stages[0]

    response = await api.patch(
        f"/v1/crm/pipelines/{pipeline.id}/stages/{lead.id}",
        json={"name": "Prospect"},
        headers=owner.headers,
    )

    assert response.status_code == 200
    assert response.json()["stages"][0] == {"id": str(lead.id), "name": "Prospect"}


async def test_stages_are_reordered_by_a_full_list_of_their_ids(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Qualified", "Won")
    lead, qualified, won = (str(stage.id) for stage in pipeline.stages)

    response = await api.put(
        f"/v1/crm/pipelines/{pipeline.id}/stage-order",
        json={"stage_ids": [qualified, lead, won]},
        headers=owner.headers,
    )

    assert response.status_code == 200
    assert names(response) == ["Qualified", "Lead", "Won"]
    stored = await Pipeline.get(pipeline.id)
    assert [stage.name for stage in stored.stages] == ["Qualified", "Lead", "Won"]


async def test_an_order_missing_a_stage_answers_422(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Qualified", "Won")
    lead, qualified, _ = (str(stage.id) for stage in pipeline.stages)

    response = await api.put(
        f"/v1/crm/pipelines/{pipeline.id}/stage-order",
        json={"stage_ids": [qualified, lead]},
        headers=owner.headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.stage_ids"


async def test_an_order_repeating_a_stage_answers_422(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Won")
    lead, _ = (str(stage.id) for stage in pipeline.stages)

    response = await api.put(
        f"/v1/crm/pipelines/{pipeline.id}/stage-order",
        json={"stage_ids": [lead, lead]},
        headers=owner.headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_an_order_naming_another_pipelines_stage_answers_422(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Won")
    other = await create_pipeline(owner.account, "Lead")

    response = await api.put(
        f"/v1/crm/pipelines/{pipeline.id}/stage-order",
        json={"stage_ids": [str(pipeline.stages[0].id), str(other.stages[0].id)]},
        headers=owner.headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"


async def test_an_empty_stage_is_deleted(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Won")

    response = await api.delete(
        f"/v1/crm/pipelines/{pipeline.id}/stages/{pipeline.stages[0].id}", headers=owner.headers
    )

    assert response.status_code == 204
    assert [stage.name for stage in (await Pipeline.get(pipeline.id)).stages] == ["Won"]


async def test_deleting_a_stage_with_deals_answers_409(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Won")
    await create_deal(pipeline, pipeline.stages[0])

    response = await api.delete(
        f"/v1/crm/pipelines/{pipeline.id}/stages/{pipeline.stages[0].id}", headers=owner.headers
    )

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "stage_not_empty"
    assert error["message"].startswith("1 deals are still on Lead:")
    assert len((await Pipeline.get(pipeline.id)).stages) == 2


async def test_the_only_stage_of_a_pipeline_stays(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead")

    response = await api.delete(
        f"/v1/crm/pipelines/{pipeline.id}/stages/{pipeline.stages[0].id}", headers=owner.headers
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "last_stage"
    assert [stage.name for stage in (await Pipeline.get(pipeline.id)).stages] == ["Lead"]


async def test_a_stage_named_like_another_answers_409_and_is_not_added(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Won")

    response = await api.post(
        f"/v1/crm/pipelines/{pipeline.id}/stages", json={"name": " won "}, headers=owner.headers
    )

    assert response.status_code == 409
    error = response.json()["error"]
    assert (error["code"], error["message"]) == (
        "stage_name_taken",
        "Sales already has a stage named won.",
    )
    assert [stage.name for stage in (await Pipeline.get(pipeline.id)).stages] == ["Lead", "Won"]


async def test_renaming_a_stage_to_anothers_name_answers_409(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Won")

    response = await api.patch(
        f"/v1/crm/pipelines/{pipeline.id}/stages/{pipeline.stages[0].id}",
        json={"name": "Won"},
        headers=owner.headers,
    )

    assert response.json()["error"]["code"] == "stage_name_taken"
    assert [stage.name for stage in (await Pipeline.get(pipeline.id)).stages] == ["Lead", "Won"]


async def test_a_stage_may_be_renamed_to_its_own_name_written_otherwise(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Won")

    response = await api.patch(
        f"/v1/crm/pipelines/{pipeline.id}/stages/{pipeline.stages[0].id}",
        json={"name": "LEAD"},
        headers=owner.headers,
    )

    assert response.status_code == 200
    assert names(response) == ["LEAD", "Won"]


async def test_deleting_a_stage_moves_its_deals_after_the_targets_own(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Won")
    lead, won = pipeline.stages
    already = await create_deal(pipeline, won)
    moving = await create_deal(pipeline, lead)

    response = await api.delete(
        f"/v1/crm/pipelines/{pipeline.id}/stages/{lead.id}?target_stage_id={won.id}",
        headers=owner.headers,
    )

    assert response.status_code == 204
    in_won = await Deal.find({"stage_id": won.id}).sort("position").to_list()
    assert [(deal.id, deal.position) for deal in in_won] == [(already.id, 0), (moving.id, 1)]


async def test_each_deal_moved_off_a_deleted_stage_is_logged(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Won")
    lead, won = pipeline.stages
    deal = await create_deal(pipeline, lead)

    await api.delete(
        f"/v1/crm/pipelines/{pipeline.id}/stages/{lead.id}?target_stage_id={won.id}",
        headers=owner.headers,
    )

    log = await CrmLog.find_one({"entity_id": deal.id, "action": "stage_changed"})
    assert log.actor_id == owner.user.id
    change = next(change for change in log.changes if change.field == "stage_id")
    assert (change.old, change.new) == (str(lead.id), str(won.id))


async def test_a_stage_cannot_take_its_own_deals(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Won")
    lead = pipeline.stages[0]
    await create_deal(pipeline, lead)

    response = await api.delete(
        f"/v1/crm/pipelines/{pipeline.id}/stages/{lead.id}?target_stage_id={lead.id}",
        headers=owner.headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["code"] == "validation_error"
