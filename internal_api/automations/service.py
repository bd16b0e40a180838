"""Automation rules: created, changed, switched on and off, and their runs read.

Firing them is the domain's (`shared.domain.automations.firing.fire`), called by whatever
makes the trigger happen; the actions run on the queue manager.
"""

from beanie import PydanticObjectId

from internal_api.automations.schemas import AutomationCreate, AutomationUpdate
from internal_api.crm.pipelines.repository import PipelineRepository
from internal_api.forms.repository import FormRepository
from shared.domain.accounts.users import require_users
from shared.domain.automations.repository import AutomationRepository, RunRepository
from shared.domain.projects.defaults import board_for_automation
from shared.domain.reviews.errors import NoReviewPage
from shared.domain.reviews.repository import page_of_location
from shared.models.automation import (
    Action,
    AssignOwner,
    Automation,
    CreateTask,
    DealStageEntered,
    FormSubmitted,
    SendReviewRequest,
    SendWebhook,
    Trigger,
)
from shared.models.automation_log import AutomationLog
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput
from shared.utilities.pagination import Page, PageParams


def rules(principal: Principal) -> AutomationRepository:
    return AutomationRepository(principal.account_id)


async def create_automation(
    principal: Principal, body: AutomationCreate, allow_http: bool
) -> Automation:
    await check_trigger(principal, body.trigger)
    await check_actions(principal, body.actions, allow_http)
    return await rules(principal).create(
        name=body.name, enabled=body.enabled, trigger=body.trigger, actions=body.actions
    )


async def list_automations(principal: Principal, params: PageParams) -> Page[Automation]:
    return await rules(principal).paginate(params)


async def get_automation(principal: Principal, automation_id: str) -> Automation:
    return await rules(principal).get(automation_id)


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
    await rules(principal).delete(automation_id)


async def list_runs(
    principal: Principal, automation_id: str, params: PageParams
) -> Page[AutomationLog]:
    automation = await get_automation(principal, automation_id)
    return await RunRepository(principal.account_id).paginate(
        params, {"automation_id": automation.id}
    )


async def check_trigger(principal: Principal, trigger: Trigger) -> None:
    """The stage or the form a trigger watches is one of the account's (404 otherwise)."""
    if isinstance(trigger, DealStageEntered):
        pipelines = PipelineRepository(principal.account_id)
        await pipelines.get_stage(trigger.pipeline_id, trigger.stage_id)
    elif isinstance(trigger, FormSubmitted):
        await FormRepository(principal.account_id).get(trigger.form_id)


async def check_actions(principal: Principal, actions: list[Action], allow_http: bool) -> None:
    """Owners and task assignees are users of the account, a task's project and board its
    own; webhooks go over https unless allowed."""
    for index, action in enumerate(actions):
        if isinstance(action, AssignOwner):
            account_id = PydanticObjectId(principal.account_id)
            await require_users(account_id, [str(action.user_id)], f"actions.{index}.user_id")
        elif isinstance(action, CreateTask):
            await check_task_action(principal, action, index)
        elif isinstance(action, SendReviewRequest):
            await check_review_request_action(principal, action, index)
        elif isinstance(action, SendWebhook) and action.url.scheme != "https" and not allow_http:
            raise InvalidInput(
                "Webhook URLs must use https.",
                details=[{"field": f"actions.{index}.url", "message": "must use https"}],
            )


async def check_task_action(principal: Principal, action: CreateTask, index: int) -> None:
    """The project (live) and board a task goes to are the account's; its assignee a user."""
    account_id = PydanticObjectId(principal.account_id)
    if action.project_id is not None:
        await board_for_automation(account_id, action.project_id, action.board_id)
    if action.assignee_id is not None:
        await require_users(account_id, [str(action.assignee_id)], f"actions.{index}.assignee_id")


async def check_review_request_action(
    principal: Principal, action: SendReviewRequest, index: int
) -> None:
    """The location is the account's and has a review page for its requests to lead to."""
    account_id = PydanticObjectId(principal.account_id)
    if await page_of_location(account_id, action.location_id) is None:
        raise NoReviewPage(
            details=[{"field": f"actions.{index}.location_id", "message": "no review page"}]
        )
