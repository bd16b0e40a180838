"""Automation rules, and `fire`, which records the runs a trigger sets off.

The actions themselves run on the queue manager: `fire` only stores one pending
`AutomationLog` per matching enabled rule and queues `triggers.run_automation` for it (the run's
id is the task id), sent with the caller's outbox once its work has succeeded.
"""

from collections.abc import Mapping
from typing import Any

from beanie import PydanticObjectId

from internal_api.accounts.service import find_member
from internal_api.automations.schemas import AutomationCreate, AutomationUpdate
from internal_api.crm.pipelines.repository import PipelineRepository
from shared.models.automation import (
    Action,
    AssignOwner,
    Automation,
    ContactTagAdded,
    DealStageEntered,
    SendWebhook,
)
from shared.models.automation_log import AutomationLog
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput
from shared.utilities.outbox import enqueue_job
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository
from shared.utilities.task_names import TRIGGERS_RUN_AUTOMATION


def rules(account_id: str | PydanticObjectId) -> TenantRepository[Automation]:
    return TenantRepository(Automation, account_id)


async def create_automation(
    principal: Principal, body: AutomationCreate, allow_http: bool
) -> Automation:
    await check_trigger(principal, body.trigger)
    await check_actions(principal, body.actions, allow_http)
    return await rules(principal.account_id).create(
        name=body.name, enabled=body.enabled, trigger=body.trigger, actions=body.actions
    )


async def list_automations(principal: Principal, params: PageParams) -> Page[Automation]:
    return await rules(principal.account_id).paginate(params)


async def get_automation(principal: Principal, automation_id: str) -> Automation:
    return await rules(principal.account_id).get(automation_id)


async def update_automation(
    principal: Principal, automation_id: str, body: AutomationUpdate, allow_http: bool
) -> Automation:
    automation = await get_automation(principal, automation_id)
    if body.trigger:
        await check_trigger(principal, body.trigger)
    if body.actions:
        await check_actions(principal, body.actions, allow_http)
    for field in body.model_fields_set:
        setattr(automation, field, getattr(body, field))
    await automation.save()
    return automation


async def set_enabled(principal: Principal, automation_id: str, enabled: bool) -> Automation:
    automation = await get_automation(principal, automation_id)
    automation.enabled = enabled
    await automation.save()
    return automation


async def delete_automation(principal: Principal, automation_id: str) -> None:
    await rules(principal.account_id).delete(automation_id)


async def list_runs(
    principal: Principal, automation_id: str, params: PageParams
) -> Page[AutomationLog]:
    automation = await get_automation(principal, automation_id)
    runs = TenantRepository(AutomationLog, principal.account_id)
    return await runs.paginate(params, {"automation_id": automation.id})


async def fire(
    account_id: str | PydanticObjectId,
    trigger: str,
    subject: Mapping[str, Any],
    entity_type: str,
    entity_id: PydanticObjectId,
) -> list[AutomationLog]:
    """Store a pending run for each enabled rule of the account whose trigger is `trigger`
    with these fields: `fire(account, "contact.tag_added", {"tag": "vip"}, "contact", id)`.
    Ids in `subject` are ObjectIds, as the rules store them."""
    matching = {f"trigger.{field}": value for field, value in subject.items()}
    query = {"enabled": True, "trigger.type": trigger, **matching}
    found = await Automation.find(rules(account_id).scoped(query)).to_list()
    runs = TenantRepository(AutomationLog, account_id)
    stored = [
        await runs.create(
            automation_id=rule.id,
            trigger=trigger,
            subject={field: str(value) for field, value in subject.items()},
            entity_type=entity_type,
            entity_id=entity_id,
            actions=rule.actions,
        )
        for rule in found
    ]
    for run in stored:
        enqueue_job(TRIGGERS_RUN_AUTOMATION, task_id=str(run.id), log_id=str(run.id))
    return stored


async def check_trigger(principal: Principal, trigger: DealStageEntered | ContactTagAdded) -> None:
    """The stage a trigger watches is one of the account's (404 otherwise)."""
    if isinstance(trigger, DealStageEntered):
        pipelines = PipelineRepository(principal.account_id)
        await pipelines.get_stage(trigger.pipeline_id, trigger.stage_id)


async def check_actions(principal: Principal, actions: list[Action], allow_http: bool) -> None:
    """Owners assigned are members of the account; webhooks go over https unless allowed."""
    for index, action in enumerate(actions):
        if isinstance(action, AssignOwner):
            await find_member(principal, str(action.user_id))
        if isinstance(action, SendWebhook) and action.url.scheme != "https" and not allow_http:
            raise InvalidInput(
                "Webhook URLs must use https.",
                details=[{"field": f"body.actions.{index}.url", "message": "must use https"}],
            )
