"""What each kind of action does to the run's entity (a contact or a deal), as one result.

An action that cannot apply says why (skipped); one that tries and fails says what failed. A
contact is changed through the contact write path, as the platform (its change recorded, its
webhook event sent, the automations of a tag it gains fired: a rule adding a tag already there
changes nothing and fires nothing, so rules cannot loop); a task through the projects' task
write path, as the platform. The webhook goes out through the same
address-checked client as outgoing webhooks, so a rule cannot reach inside the network.
"""

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import Any

import httpx
from beanie import PydanticObjectId

from queue_manager.celery import settings
from queue_manager.triggers.repository import set_deal_owner
from shared.domain.accounts import repository as accounts
from shared.domain.accounts.locale import locale_of
from shared.domain.accounts.users import users_among
from shared.domain.contacts.repository import ContactRepository
from shared.domain.contacts.writing import platform_author, update_contact
from shared.domain.deals.repository import DealRepository
from shared.domain.projects.defaults import board_for_automation
from shared.domain.projects.writing import open_task
from shared.domain.reviews.requests import request_review
from shared.models.automation import (
    AddTag,
    AssignOwner,
    CreateTask,
    SendReviewRequest,
    SendWebhook,
)
from shared.models.automation_log import ActionResult, ActionStatus, AutomationLog
from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.deal import Deal
from shared.models.project_task import ProjectTask
from shared.models.review_request import RequestStatus
from shared.utilities.errors import DomainError

# How much of a webhook's failed answer the run keeps.
EXCERPT_CHARS = 300


Outcome = tuple[ActionStatus, str | None]


def succeeded(detail: str | None = None) -> Outcome:
    return ActionStatus.SUCCEEDED, detail


def skipped(detail: str) -> Outcome:
    return ActionStatus.SKIPPED, detail


def failed(detail: str) -> Outcome:
    return ActionStatus.FAILED, detail


async def change_contact(
    log: AutomationLog, fields: Callable[[Contact], dict[str, Any]]
) -> Outcome:
    """The run's contact given `fields(contact)`, if it is still live."""
    contact = await ContactRepository(log.account_id).find_one(
        {"_id": log.entity_id, "deleted_at": None}
    )
    if contact is None:
        return skipped("the contact no longer exists")
    await update_contact(await platform_author(log.account_id, settings), contact, fields(contact))
    return succeeded()


async def add_tag(action: AddTag, log: AutomationLog, client: httpx.AsyncClient) -> Outcome:
    if log.entity_type != "contact":
        return skipped(f"a {log.entity_type} has no tags")
    return await change_contact(log, lambda contact: {"tags": [*contact.tags, action.tag]})


async def assign_owner(
    action: AssignOwner, log: AutomationLog, client: httpx.AsyncClient
) -> Outcome:
    if action.user_id not in await users_among(log.account_id, [action.user_id]):
        return failed("the owner is no longer a user of the account")
    if log.entity_type == "contact":
        return await change_contact(log, lambda contact: {"owner_id": str(action.user_id)})
    if not await set_deal_owner(log.account_id, log.entity_id, action.user_id):
        return skipped("the deal no longer exists")
    return succeeded()


async def create_task(action: CreateTask, log: AutomationLog, client: httpx.AsyncClient) -> Outcome:
    """A task linked to the run's contact or deal, through the task write path, assigned to
    the user the action names or else to the record's owner (while a user of the account).
    Made once per run and action: a run resumed after a crash finds the task it made."""
    record = await linked_record(log)
    if record is None:
        return skipped(f"the {log.entity_type} no longer exists")
    assignee = await assignee_of(action, log, record)
    try:
        board = await board_for_automation(log.account_id, action.project_id, action.board_id)
        account = await accounts.account(log.account_id)
        task = ProjectTask(
            account_id=log.account_id,
            project_id=board.project_id,
            board_id=board.id,
            column_id=board.columns[0].id,
            position=0,
            title=action.title,
            assignee_ids=[assignee] if assignee else [],
            due_at=due_in(action.due_in_days),
            time_zone=locale_of(account, settings).time_zone,
            contact_id=record.id if isinstance(record, Contact) else None,
            deal_id=record.id if isinstance(record, Deal) else None,
            # The action's place in the run: the results recorded so far.
            origin_key=f"automation:{log.id}:{len(log.results)}",
        )
        task, _ = await open_task(task, actor_id=None)
    except DomainError as error:
        return failed(error.message)
    return succeeded(f"task {task.id}")


def due_in(days: int | None) -> datetime | None:
    return None if days is None else utc_now() + timedelta(days=days)


async def assignee_of(
    action: CreateTask, log: AutomationLog, record: Contact | Deal
) -> PydanticObjectId | None:
    if action.assignee_id is not None:
        return action.assignee_id
    owner = record.owner_id
    return owner if owner and owner in await users_among(log.account_id, [owner]) else None


async def linked_record(log: AutomationLog) -> Contact | Deal | None:
    """The run's contact, while live, or its deal."""
    if log.entity_type == "contact":
        contacts = ContactRepository(log.account_id)
        return await contacts.find_one({"_id": log.entity_id, "deleted_at": None})
    return await DealRepository(log.account_id).find_by_id(log.entity_id)


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


async def send_review_request(
    action: SendReviewRequest, log: AutomationLog, client: httpx.AsyncClient
) -> Outcome:
    """The run's contact (a deal's first live contact) asked for a review, once per window."""
    contact = await contact_of_run(log)
    if contact is None:
        return skipped(f"the {log.entity_type} has no live contact")
    try:
        request = await request_review(
            contact, action.location_id, action.channel, f"automation:{log.id}"
        )
    except DomainError as error:
        return failed(error.message)
    if request.status is RequestStatus.SUPPRESSED:
        return skipped("the contact was asked for a review within the account's window")
    return succeeded(f"review request {request.id}")


async def contact_of_run(log: AutomationLog) -> Contact | None:
    record = await linked_record(log)
    if record is None or isinstance(record, Contact):
        return record
    contacts = ContactRepository(log.account_id)
    for contact_id in record.contact_ids:
        if contact := await contacts.find_one({"_id": contact_id, "deleted_at": None}):
            return contact
    return None


Handler = Callable[[Any, AutomationLog, httpx.AsyncClient], Awaitable[Outcome]]

HANDLERS: dict[str, Handler] = {
    "add_tag": add_tag,
    "assign_owner": assign_owner,
    "create_task": create_task,
    "send_webhook": send_webhook,
    "send_review_request": send_review_request,
}


async def run_action(action: Any, log: AutomationLog, client: httpx.AsyncClient) -> ActionResult:
    status, detail = await HANDLERS[action.type](action, log, client)
    return ActionResult(type=action.type, status=status, detail=detail)
