"""POST /v1/crm/deals: a deal on a stage, with its links checked and its creation logged."""

import pytest
from beanie import PydanticObjectId

from shared.models.crm_log import CrmLog
from shared.models.deal import Deal
from shared.models.membership import Role
from shared.models.pipeline import Pipeline
from tests.factories import create_contact, create_deal, create_pipeline, create_signed_in


async def create(api, signed_in, pipeline: Pipeline, **fields):
    body = {
        "title": "Website redesign",
        "pipeline_id": str(pipeline.id),
        "stage_id": str(pipeline.stages[0].id),
        **fields,
    }
    return await api.post("/v1/crm/deals", json=body, headers=signed_in.headers)


async def test_a_deal_is_created_last_on_its_stage_owned_by_the_caller(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    await create_deal(pipeline)

    response = await create(api, owner, pipeline, value=150000, currency="EUR")

    assert response.status_code == 201
    body = response.json()
    assert (body["position"], body["owner_id"], body["status"]) == (1, str(owner.user.id), "open")
    assert (body["value"], body["currency"]) == (150000, "EUR")
    assert (await Deal.get(body["id"])).account_id == owner.account.id


async def test_a_deal_created_at_a_position_pushes_the_others_down(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    first, second = await create_deal(pipeline), await create_deal(pipeline)

    response = await create(api, owner, pipeline, position=0)

    assert response.json()["position"] == 0
    assert [(await Deal.get(deal.id)).position for deal in (first, second)] == [1, 2]


async def test_the_creation_is_logged_with_each_field(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)

    response = await create(api, owner, pipeline, expected_close_date="2030-01-31")

    log = await CrmLog.find_one({"entity_id": PydanticObjectId(response.json()["id"])})
    assert (log.entity_type, log.action, log.actor_id) == ("deal", "created", owner.user.id)
    changes = {change.field: change.new for change in log.changes}
    assert changes["title"] == "Website redesign"
    assert changes["expected_close_date"] == "2030-01-31"


async def test_a_deal_links_the_accounts_contacts(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    contact = await create_contact(owner.account)

    response = await create(api, owner, pipeline, contact_ids=[str(contact.id)])

    assert response.status_code == 201
    assert response.json()["contact_ids"] == [str(contact.id)]


async def test_linking_another_accounts_contact_answers_404_naming_it(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    theirs = await create_contact((await create_signed_in()).account)

    response = await create(api, owner, pipeline, contact_ids=[str(theirs.id)])

    assert response.status_code == 404
    assert str(theirs.id) in response.json()["error"]["message"]
    assert await Deal.find_all().count() == 0


async def test_linking_a_deleted_contact_answers_404(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    deleted = await create_contact(owner.account, deleted_at="2024-01-01T00:00:00Z")

    response = await create(api, owner, pipeline, contact_ids=[str(deleted.id)])

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "unknown_contacts"


async def test_an_owner_who_is_not_a_user_of_the_account_answers_404(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    outsider = await create_signed_in()

    response = await create(api, owner, pipeline, owner_id=str(outsider.user.id))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_account_users"


async def test_a_follower_who_is_not_a_user_of_the_account_answers_404(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    outsider = await create_signed_in()

    response = await create(api, owner, pipeline, follower_ids=[str(outsider.user.id)])

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_account_users"


async def test_another_member_may_own_the_deal(api):
    owner = await create_signed_in()
    member = await create_signed_in(owner.account, Role.MEMBER)
    pipeline = await create_pipeline(owner.account)

    response = await create(api, owner, pipeline, owner_id=str(member.user.id))

    assert response.json()["owner_id"] == str(member.user.id)


async def test_a_stage_of_another_pipeline_answers_404(api):
    owner = await create_signed_in()
    pipeline, other = await create_pipeline(owner.account), await create_pipeline(owner.account)

    response = await create(api, owner, pipeline, stage_id=str(other.stages[0].id))

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "not_found"


async def test_another_accounts_pipeline_answers_404(api):
    owner = await create_signed_in()
    theirs = await create_pipeline((await create_signed_in()).account)

    response = await create(api, owner, theirs)

    assert response.status_code == 404
    assert await Deal.find_all().count() == 0


async def test_a_won_deal_is_closed_at_creation(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)

    response = await create(api, owner, pipeline, status="won")

    assert response.json()["closed_at"] is not None


async def test_a_lost_deal_without_a_reason_answers_422(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)

    response = await create(api, owner, pipeline, status="lost")

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.lost_reason"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("title", "   "),
        ("value", -1),
        ("value", 12.5),
        ("currency", "XYZ"),
        ("currency", "eur"),
        ("expected_close_date", "next week"),
        ("status", "pending"),
        ("pipeline_id", "not-an-id"),
        ("position", -1),
        ("position", 2**63),
        ("value", 2**64),
        ("title", "Nul\u0000byte"),
        ("colour", "red"),
    ],
)
async def test_an_invalid_field_answers_422_naming_it(api, field, value):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)

    response = await create(api, owner, pipeline, **{field: value})

    assert response.status_code == 422
    assert [detail["field"] for detail in response.json()["error"]["details"]] == [f"body.{field}"]


async def test_a_client_cannot_create_a_deal(api):
    client = await create_signed_in(role=Role.CLIENT)
    pipeline = await create_pipeline(client.account)

    response = await create(api, client, pipeline)

    assert response.status_code == 403
    assert response.json()["error"]["details"] == [{"scope": "deals:write"}]
