"""`fire`: a pending run per matching enabled rule of the account, queued under its id."""

from beanie import PydanticObjectId

from shared.domain.automations.firing import fire
from shared.models.automation import AddTag, Automation, ContactTagAdded, DealStageEntered
from shared.models.automation_log import AutomationLog, RunStatus
from tests.factories import create_pipeline, create_signed_in


async def store_rule(account, trigger, **overrides) -> Automation:
    fields = {"account_id": account.id, "name": "Rule", "trigger": trigger}
    return await Automation(**{**fields, "actions": [AddTag(tag="hot")], **overrides}).insert()


def entering(pipeline, stage_index: int) -> DealStageEntered:
    return DealStageEntered(pipeline_id=pipeline.id, stage_id=pipeline.stages[stage_index].id)


def subject_of(trigger: DealStageEntered) -> dict:
    return {"pipeline_id": trigger.pipeline_id, "stage_id": trigger.stage_id}


async def test_a_matching_enabled_rule_gets_a_pending_run(outbox):
    owner = await create_signed_in()
    trigger = entering(await create_pipeline(owner.account), 1)
    rule = await store_rule(owner.account, trigger)
    deal_id = PydanticObjectId()

    runs = await fire(owner.account.id, "deal.stage_entered", subject_of(trigger), "deal", deal_id)

    assert [run.automation_id for run in runs] == [rule.id]
    stored = await AutomationLog.get(runs[0].id)
    assert (stored.status, stored.entity_type, stored.entity_id) == (
        RunStatus.PENDING,
        "deal",
        deal_id,
    )
    assert stored.subject == {k: str(v) for k, v in subject_of(trigger).items()}
    assert stored.actions == [AddTag(tag="hot")]


async def test_a_disabled_rule_does_not_fire(outbox):
    owner = await create_signed_in()
    trigger = entering(await create_pipeline(owner.account), 1)
    await store_rule(owner.account, trigger, enabled=False)

    runs = await fire(
        owner.account.id, "deal.stage_entered", subject_of(trigger), "deal", PydanticObjectId()
    )

    assert runs == []


async def test_a_rule_on_another_stage_does_not_fire(outbox):
    owner = await create_signed_in()
    pipeline = await create_pipeline(owner.account)
    await store_rule(owner.account, entering(pipeline, 0))

    runs = await fire(
        owner.account.id,
        "deal.stage_entered",
        subject_of(entering(pipeline, 1)),
        "deal",
        PydanticObjectId(),
    )

    assert runs == []


async def test_another_accounts_rule_does_not_fire(outbox):
    owner, stranger = await create_signed_in(), await create_signed_in()
    await store_rule(stranger.account, ContactTagAdded(tag="vip"))

    runs = await fire(
        owner.account.id, "contact.tag_added", {"tag": "vip"}, "contact", PydanticObjectId()
    )

    assert runs == []


async def test_a_tag_added_fires_the_rules_on_that_tag(outbox):
    owner = await create_signed_in()
    vip = await store_rule(owner.account, ContactTagAdded(tag="vip"))
    await store_rule(owner.account, ContactTagAdded(tag="cold"))
    contact_id = PydanticObjectId()

    runs = await fire(owner.account.id, "contact.tag_added", {"tag": "vip"}, "contact", contact_id)

    assert [(run.automation_id, run.entity_id) for run in runs] == [(vip.id, contact_id)]


async def test_each_run_fired_is_queued_for_the_queue_manager_under_its_id(outbox):
    owner = await create_signed_in()
    await store_rule(owner.account, ContactTagAdded(tag="vip"))
    await store_rule(owner.account, ContactTagAdded(tag="vip"), name="Second")

    runs = await fire(
        owner.account.id, "contact.tag_added", {"tag": "vip"}, "contact", PydanticObjectId()
    )

    assert [(job.name, job.task_id, job.kwargs) for job in outbox.jobs] == [
        ("triggers.run_automation", str(run.id), {"log_id": str(run.id)}) for run in runs
    ]
