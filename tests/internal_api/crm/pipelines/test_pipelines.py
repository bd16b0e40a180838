"""/v1/crm/pipelines: creating, reading, renaming and deleting pipelines."""

from shared.models.deal import Deal
from shared.models.membership import Role
from shared.models.pipeline import Pipeline
from tests.factories import create_deal, create_pipeline, create_signed_in


async def test_a_pipeline_is_created_with_its_stages_in_order(api):
    owner = await create_signed_in()

    response = await api.post(
        "/v1/crm/pipelines",
        json={"name": "Sales", "stages": ["Lead", "Proposal", "Won"]},
        headers=owner.headers,
    )

    assert response.status_code == 201
    assert [stage["name"] for stage in response.json()["stages"]] == ["Lead", "Proposal", "Won"]
    stored = await Pipeline.get(response.json()["id"])
    assert stored.account_id == owner.account.id
    assert [str(stage.id) for stage in stored.stages] == [
        stage["id"] for stage in response.json()["stages"]
    ]


async def test_a_blank_name_and_stage_name_answer_422_naming_both(api):
    owner = await create_signed_in()

    response = await api.post(
        "/v1/crm/pipelines", json={"name": "", "stages": ["  "]}, headers=owner.headers
    )

    assert response.status_code == 422
    fields = [detail["field"] for detail in response.json()["error"]["details"]]
    assert fields == ["body.name", "body.stages.0"]


async def test_a_pipeline_without_stages_answers_422_and_is_not_stored(api):
    owner = await create_signed_in()

    response = await api.post(
        "/v1/crm/pipelines", json={"name": "Empty", "stages": []}, headers=owner.headers
    )

    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["body.stages"]
    assert await Pipeline.find({"account_id": owner.account.id}).count() == 0


async def test_two_stages_of_one_name_answer_422_naming_it(api):
    owner = await create_signed_in()

    response = await api.post(
        "/v1/crm/pipelines",
        json={"name": "Sales", "stages": ["Lead", "Won", "lead"]},
        headers=owner.headers,
    )

    assert response.status_code == 422
    [detail] = response.json()["error"]["details"]
    assert detail["field"] == "body.stages"
    assert "lead is there twice" in detail["message"]
    assert await Pipeline.find({"account_id": owner.account.id}).count() == 0


async def test_an_unknown_field_answers_422_naming_it(api):
    owner = await create_signed_in()

    response = await api.post(
        "/v1/crm/pipelines",
        json={"name": "Sales", "stages": ["Lead"], "colour": "red"},
        headers=owner.headers,
    )

    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["body.colour"]


async def test_the_list_holds_the_accounts_pipelines_only(api):
    owner = await create_signed_in()
    mine = await create_pipeline(owner.account)
    await create_pipeline((await create_signed_in()).account)

    response = await api.get("/v1/crm/pipelines", headers=owner.headers)

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["data"]] == [str(mine.id)]
    assert response.json()["pagination"]["total"] == 1


async def test_a_pipeline_is_read_by_its_id(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account, "Lead", "Won")

    response = await api.get(f"/v1/crm/pipelines/{pipeline.id}", headers=owner.headers)

    assert response.status_code == 200
    assert [stage["name"] for stage in response.json()["stages"]] == ["Lead", "Won"]


async def test_a_pipeline_is_renamed(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)

    response = await api.patch(
        f"/v1/crm/pipelines/{pipeline.id}", json={"name": "Renewals"}, headers=owner.headers
    )

    assert response.status_code == 200
    assert (await Pipeline.get(pipeline.id)).name == "Renewals"


async def test_renaming_to_null_answers_422(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)

    response = await api.patch(
        f"/v1/crm/pipelines/{pipeline.id}", json={"name": None}, headers=owner.headers
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.name"


async def test_an_empty_pipeline_is_deleted(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)

    response = await api.delete(f"/v1/crm/pipelines/{pipeline.id}", headers=owner.headers)

    assert response.status_code == 204
    assert await Pipeline.get(pipeline.id) is None


async def test_deleting_a_pipeline_with_deals_answers_409(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline)

    response = await api.delete(f"/v1/crm/pipelines/{pipeline.id}", headers=owner.headers)

    assert response.status_code == 409
    error = response.json()["error"]
    assert error["code"] == "pipeline_not_empty"
    assert error["message"].startswith("1 deals are still on Sales:")
    assert await Pipeline.get(pipeline.id)


async def test_deleting_a_pipeline_moves_its_deals_to_the_target_stage_in_order(api):
    owner = await create_signed_in()
    old, new = await create_pipeline(owner.account), await create_pipeline(owner.account)
    already = await create_deal(new, new.stages[1])
    first = await create_deal(old, old.stages[0])
    second = await create_deal(old, old.stages[2])

    response = await api.delete(
        f"/v1/crm/pipelines/{old.id}?target_stage_id={new.stages[1].id}", headers=owner.headers
    )

    assert response.status_code == 204
    moved = await Deal.find({"stage_id": new.stages[1].id}).sort("position").to_list()
    assert [(deal.id, deal.position) for deal in moved] == [
        (already.id, 0),
        (first.id, 1),
        (second.id, 2),
    ]
    assert {deal.pipeline_id for deal in moved} == {new.id}


async def test_a_target_stage_of_the_pipeline_being_deleted_answers_422(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline)

    response = await api.delete(
        f"/v1/crm/pipelines/{pipeline.id}?target_stage_id={pipeline.stages[1].id}",
        headers=owner.headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "query.target_stage_id"


async def test_a_target_stage_of_another_account_answers_404(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline)
    theirs = await create_pipeline((await create_signed_in()).account)

    response = await api.delete(
        f"/v1/crm/pipelines/{pipeline.id}?target_stage_id={theirs.stages[0].id}",
        headers=owner.headers,
    )

    assert response.status_code == 404
    assert await Deal.find({"pipeline_id": theirs.id}).count() == 0


async def test_a_client_reads_pipelines_but_cannot_create_one(api):
    client = await create_signed_in(role=Role.CLIENT)
    await create_pipeline(client.account)

    listed = await api.get("/v1/crm/pipelines", headers=client.headers)
    created = await api.post("/v1/crm/pipelines", json={"name": "Mine"}, headers=client.headers)

    assert listed.status_code == 200
    assert created.status_code == 403
    assert created.json()["error"]["details"] == [{"scope": "deals:write"}]


async def test_reading_pipelines_needs_the_deals_read_scope(api):
    owner = await create_signed_in()
    await owner.membership.set(
        {"scopes": [scope for scope in owner.membership.scopes if scope != "deals:read"]}
    )

    response = await api.get("/v1/crm/pipelines", headers=owner.headers)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "forbidden"
