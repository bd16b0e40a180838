"""What each kind of action does to the run's entity (a contact or a deal), as one result.

An action that cannot apply says why (skipped); one that tries and fails says what failed. The
webhook goes out through the same address-checked client as outgoing webhooks, so a rule cannot
reach inside the network.
"""

from collections.abc import Awaitable, Callable
from typing import Any

import httpx
from beanie import Document

from shared.models.automation import AddTag, AssignOwner, CreateTask, SendWebhook
from shared.models.automation_log import ActionResult, ActionStatus, AutomationLog
from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.deal import Deal
from shared.models.membership import Membership
from shared.utilities.errors import DomainError
from shared.utilities.repository import TenantRepository

ENTITIES: dict[str, type[Document]] = {"contact": Contact, "deal": Deal}
# How much of a webhook's failed answer the run keeps.
EXCERPT_CHARS = 300


Outcome = tuple[ActionStatus, str | None]


def succeeded(detail: str | None = None) -> Outcome:
    return ActionStatus.SUCCEEDED, detail


def skipped(detail: str) -> Outcome:
    return ActionStatus.SKIPPED, detail


def failed(detail: str) -> Outcome:
    return ActionStatus.FAILED, detail


def entity_filter(log: AutomationLog) -> dict[str, Any]:
    """The run's entity, in the run's account; a deleted contact is gone."""
    model = ENTITIES[log.entity_type]
    live = {"deleted_at": None} if model is Contact else {}
    return TenantRepository(model, log.account_id).scoped({"_id": log.entity_id, **live})


async def update_entity(log: AutomationLog, update: dict[str, Any]) -> Outcome:
    collection = ENTITIES[log.entity_type].get_motor_collection()
    update.setdefault("$set", {})["updated_at"] = utc_now()
    outcome = await collection.update_one(entity_filter(log), update)
    if outcome.matched_count == 0:
        return skipped(f"the {log.entity_type} no longer exists")
    return succeeded()


async def add_tag(action: AddTag, log: AutomationLog, client: httpx.AsyncClient) -> Outcome:
    if log.entity_type != "contact":
        return skipped(f"a {log.entity_type} has no tags")
    return await update_entity(log, {"$addToSet": {"tags": action.tag}})


async def assign_owner(
    action: AssignOwner, log: AutomationLog, client: httpx.AsyncClient
) -> Outcome:
    members = TenantRepository(Membership, log.account_id)
    if not await members.count({"user_id": action.user_id}):
        return failed("the owner is no longer a member of the account")
    return await update_entity(log, {"$set": {"owner_id": action.user_id}})


async def create_task(action: CreateTask, log: AutomationLog, client: httpx.AsyncClient) -> Outcome:
    return skipped("CRM tasks are not built yet")


async def send_webhook(
    action: SendWebhook, log: AutomationLog, client: httpx.AsyncClient
) -> Outcome:
    try:
        response = await client.post(str(action.url), json=webhook_payload(log))
    except (httpx.HTTPError, DomainError) as error:
        return failed(f"{type(error).__name__}: {error}"[:EXCERPT_CHARS])
    if not response.is_success:
        return failed(f"HTTP {response.status_code}: {response.text[:EXCERPT_CHARS]}")
    return succeeded(f"HTTP {response.status_code}")


def webhook_payload(log: AutomationLog) -> dict[str, Any]:
    return {
        "run_id": str(log.id),
        "automation_id": str(log.automation_id),
        "account_id": str(log.account_id),
        "trigger": log.trigger,
        "subject": log.subject,
        "entity_type": log.entity_type,
        "entity_id": str(log.entity_id),
        "fired_at": log.created_at.isoformat(),
    }


Handler = Callable[[Any, AutomationLog, httpx.AsyncClient], Awaitable[Outcome]]

HANDLERS: dict[str, Handler] = {
    "add_tag": add_tag,
    "assign_owner": assign_owner,
    "create_task": create_task,
    "send_webhook": send_webhook,
}


async def run_action(action: Any, log: AutomationLog, client: httpx.AsyncClient) -> ActionResult:
    status, detail = await HANDLERS[action.type](action, log, client)
    return ActionResult(type=action.type, status=status, detail=detail)
