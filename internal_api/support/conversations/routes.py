"""Support conversations: opening one (with the bot's first answer), the inbox lists of both
sides, and a conversation's assignment, snooze, resolution and reopening. Messages are posted,
paged and read through `/v1/conversation-v2/conversations/{id}/...` and the conversation socket,
as in every conversation."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from internal_api.conversation_v2.conversations.reading import Reading, reading
from internal_api.dependencies import Settings
from internal_api.support.auth import SupportRead, SupportWrite
from internal_api.support.bots import SupportBot
from internal_api.support.conversations import service
from internal_api.support.conversations.repository import SupportInbox
from internal_api.support.conversations.schemas import (
    AssignmentUpdate,
    SnoozeCreate,
    SupportConversationCreate,
    SupportConversationRead,
)
from internal_api.support.errors import NoSupportTeam, NotTheSupportingTeam, OnTheSupportingTeam
from shared.domain.accounts.users import NotAccountUsers
from shared.models.conversation import SupportStatus
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/conversations", tags=["support"])

InboxPaging = Annotated[
    PageParams, Depends(sorted_by(SupportInbox.sortable, default="-last_activity_at"))
]
EXISTING: dict[int | str, dict[str, Any]] = {
    200: {"model": SupportConversationRead, "description": "Opened before with this client id."}
}
TEAM_ONLY = error_responses(*SIGNED_IN, NotFound, NotTheSupportingTeam, InvalidInput)


@router.post(
    "",
    status_code=201,
    response_model=SupportConversationRead,
    summary="Ask the agency, or the platform's support team, for help",
    description="The subject and first message open the conversation; the bot's first answer "
    "follows when one of its answers fits (or it has a fallback). 200 with the conversation "
    "opened before with the same `client_id`.",
    responses={
        **EXISTING,
        **error_responses(*SIGNED_IN, NoSupportTeam, OnTheSupportingTeam, InvalidInput),
    },
)
async def open_conversation(
    principal: SupportWrite,
    body: SupportConversationCreate,
    bot: SupportBot,
    settings: Settings,
    response: Response,
) -> Reading:
    conversation, created = await service.open_conversation(
        principal, body, bot, settings.support_account_id
    )
    response.status_code = 201 if created else 200
    return await reading(principal.sub, conversation)


@router.get(
    "",
    response_model=Page[SupportConversationRead],
    summary="The support conversations of the account and of those it supports",
    description="Most recently active first. `answering=true` keeps those the account answers "
    "(as an agency or the platform's support team), `false` those it asked; `assignee` is a "
    "user id, `me` or `none`.",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_conversations(
    principal: SupportRead,
    paging: InboxPaging,
    status: Annotated[SupportStatus | None, Query()] = None,
    answering: Annotated[bool | None, Query()] = None,
    assignee: Annotated[str | None, Query(max_length=24)] = None,
) -> Page[Reading]:
    return await service.list_conversations(principal, paging, status, answering, assignee)


@router.get(
    "/{conversation_id}",
    response_model=SupportConversationRead,
    summary="One support conversation",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def get_conversation(principal: SupportRead, conversation_id: str) -> Reading:
    return await service.get_conversation(principal, conversation_id)


@router.put(
    "/{conversation_id}/assignee",
    response_model=SupportConversationRead,
    summary="Assign the conversation to a teammate, or to nobody",
    description="The supporting team only; the assignee is a user of its account.",
    responses={**TEAM_ONLY, **error_responses(NotAccountUsers)},
)
async def assign(principal: SupportWrite, conversation_id: str, body: AssignmentUpdate) -> Reading:
    return await service.assign(principal, conversation_id, body)


@router.post(
    "/{conversation_id}/snooze",
    response_model=SupportConversationRead,
    summary="Snooze the conversation until a time",
    description="The supporting team only. Stored in UTC with the zone it was meant in; the "
    "snooze cron (QM_SUPPORT_SNOOZE) opens it again then, as does the customer's next message.",
    responses=TEAM_ONLY,
)
async def snooze(principal: SupportWrite, conversation_id: str, body: SnoozeCreate) -> Reading:
    return await service.snooze(principal, conversation_id, body)


@router.post(
    "/{conversation_id}/resolve",
    response_model=SupportConversationRead,
    summary="Resolve the conversation",
    description="Either side; the customer's next message opens it again.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def resolve(principal: SupportWrite, conversation_id: str) -> Reading:
    return await service.resolve(principal, conversation_id)


@router.post(
    "/{conversation_id}/reopen",
    response_model=SupportConversationRead,
    summary="Open a snoozed or resolved conversation again",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def reopen(principal: SupportWrite, conversation_id: str) -> Reading:
    return await service.reopen(principal, conversation_id)
