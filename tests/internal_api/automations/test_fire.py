"""What fires automations through the API: tags given to contacts, deals entering a stage
(the firing itself: tests/shared/domain/automations/test_firing.py)."""

from shared.models.automation import AddTag, Automation, ContactTagAdded, DealStageEntered
from shared.models.automation_log import AutomationLog
from tests.factories import create_deal, create_pipeline, create_signed_in


async def store_rule(account, trigger, **overrides) -> Automation:
    fields = {"account_id": account.id, "name": "Rule", "trigger": trigger}
    return await Automation(**{**fields, "actions": [AddTag(tag="hot")], **overrides}).insert()


def entering(pipeline, stage_index: int) -> DealStageEntered:
    return DealStageEntered(pipeline_id=pipeline.id, stage_id=pipeline.stages[stage_index].id)


def subject_of(trigger: DealStageEntered) -> dict:
    return {"pipeline_id": trigger.pipeline_id, "stage_id": trigger.stage_id}


async def test_a_contact_created_with_a_tag_fires_the_rules_on_that_tag(api):
    owner = await create_signed_in()
    rule = await store_rule(owner.account, ContactTagAdded(tag="vip"))

    created = await api.post(
        "/v1/crm/contacts", json={"first_name": "Ada", "tags": ["vip"]}, headers=owner.headers
    )

    [run] = await AutomationLog.find({"automation_id": rule.id}).to_list()
    assert (run.entity_type, str(run.entity_id)) == ("contact", created.json()["id"])


async def test_tagging_contacts_in_bulk_fires_once_per_newly_tagged_contact(api):
    owner = await create_signed_in()
    rule = await store_rule(owner.account, ContactTagAdded(tag="vip"))
    ids = []
    for name, tags in (("Ada", ["vip"]), ("Alan", [])):
        created = await api.post(
            "/v1/crm/contacts", json={"first_name": name, "tags": tags}, headers=owner.headers
        )
        ids.append(created.json()["id"])

    await api.post(
        "/v1/crm/contacts/bulk-tag", json={"ids": ids, "tags": ["vip"]}, headers=owner.headers
    )

    runs = await AutomationLog.find({"automation_id": rule.id}).to_list()
    assert sorted(str(run.entity_id) for run in runs) == sorted(ids)


async def test_an_update_that_keeps_a_tag_fires_nothing_again(api):
    owner = await create_signed_in()
    rule = await store_rule(owner.account, ContactTagAdded(tag="vip"))
    created = await api.post(
        "/v1/crm/contacts", json={"first_name": "Ada", "tags": ["vip"]}, headers=owner.headers
    )

    await api.patch(
        f"/v1/crm/contacts/{created.json()['id']}",
        json={"tags": ["vip", "lead"]},
        headers=owner.headers,
    )

    assert await AutomationLog.find({"automation_id": rule.id}).count() == 1


async def test_moving_a_deal_into_a_stage_records_a_run_listed_under_the_rule(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    rule = await store_rule(owner.account, entering(pipeline, 2))
    deal = await create_deal(pipeline)

    await api.post(
        f"/v1/crm/deals/{deal.id}/move",
        json={"stage_id": str(pipeline.stages[2].id)},
        headers=owner.headers,
    )
    response = await api.get(f"/v1/automations/{rule.id}/runs", headers=owner.headers)

    assert response.status_code == 200
    [run] = response.json()["data"]
    assert (run["status"], run["entity_type"], run["entity_id"]) == (
        "pending",
        "deal",
        str(deal.id),
    )
    assert run["actions"] == [{"type": "add_tag", "tag": "hot"}]
    assert (run["results"], run["finished_at"]) == ([], None)  # the queue manager runs it


async def test_creating_a_deal_on_a_stage_fires_its_rules(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    rule = await store_rule(owner.account, entering(pipeline, 0))

    await api.post(
        "/v1/crm/deals",
        json={
            "title": "Logo",
            "pipeline_id": str(pipeline.id),
            "stage_id": str(pipeline.stages[0].id),
        },
        headers=owner.headers,
    )

    assert await AutomationLog.find({"automation_id": rule.id}).count() == 1


async def test_reordering_within_a_stage_fires_nothing(api):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    await store_rule(owner.account, entering(pipeline, 0))
    await create_deal(pipeline)
    deal = await create_deal(pipeline)

    await api.post(
        f"/v1/crm/deals/{deal.id}/move",
        json={"stage_id": str(pipeline.stages[0].id), "position": 0},
        headers=owner.headers,
    )

    assert await AutomationLog.find_all().count() == 0
