"""Conversations a user may read, with their last message and the user's unread count; opening
direct, client and prospect conversations. Channels and groups have their own routes."""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Response

from internal_api.conversation_v2.auth import ConversationsRead, ConversationsWrite
from internal_api.conversation_v2.conversations import service
from internal_api.conversation_v2.conversations.reading import Reading, reading
from internal_api.conversation_v2.conversations.repository import VisibleConversations
from internal_api.conversation_v2.conversations.schemas import (
    ClientConversationCreate,
    ConversationRead,
    DirectCreate,
    ProspectConversationCreate,
)
from shared.domain.accounts.users import NotAccountUsers
from shared.models.conversation import Conversation, ConversationKind
from shared.utilities.auth import Principal
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(tags=["conversations"])

ConversationPaging = Annotated[
    PageParams, Depends(sorted_by(VisibleConversations.sortable, default="-last_activity_at"))
]
# Opening answers 201 with a new conversation, 200 with the one that existed.
EXISTING: dict[int | str, dict[str, Any]] = {
    200: {"model": ConversationRead, "description": "It existed: the same conversation."}
}


async def opened(
    principal: Principal, conversation: Conversation, created: bool, response: Response
) -> Reading:
    response.status_code = 201 if created else 200
    return await reading(principal.sub, conversation)


@router.get(
    "/conversations",
    response_model=Page[ConversationRead],
    summary="The conversations the user may read, most recently active first",
    description="Each with its last message, the user's unread count and last-read message "
    "(a reconnecting client fetches the messages after it).",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_conversations(
    principal: ConversationsRead,
    paging: ConversationPaging,
    kind: Annotated[ConversationKind | None, Query()] = None,
) -> Page[Reading]:
    return await service.list_conversations(principal, paging, kind)


@router.get(
    "/conversations/{conversation_id}",
    response_model=ConversationRead,
    summary="One conversation",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def get_conversation(principal: ConversationsRead, conversation_id: str) -> Reading:
    return await service.get_conversation(principal, conversation_id)


@router.post(
    "/direct",
    status_code=201,
    response_model=ConversationRead,
    summary="Open the direct conversation with another user of the account",
    description="With a member of the account, or (in a sub-account) an owner or admin of its "
    "agency. 201 when it is new, 200 with the existing one otherwise.",
    responses={**EXISTING, **error_responses(*SIGNED_IN, NotAccountUsers, InvalidInput)},
)
async def open_direct(
    principal: ConversationsWrite, body: DirectCreate, response: Response
) -> Reading:
    conversation, created = await service.open_direct(principal, body)
    return await opened(principal, conversation, created, response)


@router.post(
    "/client-conversations",
    status_code=201,
    response_model=ConversationRead,
    summary="Start a conversation between the agency and one of its sub-accounts",
    description="Users acting in the agency and in the sub-account read it.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def open_client_conversation(
    principal: ConversationsWrite, body: ClientConversationCreate
) -> Reading:
    conversation = await service.open_client_conversation(principal, body)
    return await reading(principal.sub, conversation)


@router.post(
    "/prospect-conversations",
    status_code=201,
    response_model=ConversationRead,
    summary="Open the conversation with a website visitor",
    description="The visitor becomes a prospect of the account on first contact; details sent "
    "update it. 201 when the conversation is new, 200 with the existing one otherwise.",
    responses={**EXISTING, **error_responses(*SIGNED_IN, InvalidInput)},
)
async def open_prospect_conversation(
    principal: ConversationsWrite, body: ProspectConversationCreate, response: Response
) -> Reading:
    conversation, created = await service.open_prospect_conversation(principal, body)
    return await opened(principal, conversation, created, response)
