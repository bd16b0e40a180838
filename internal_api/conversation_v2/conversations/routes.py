"""Conversations a user may read, with their last message and the user's unread count; opening
direct, client and prospect conversations. Channels and groups have their own routes."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from internal_api.conversation_v2.access import ConversationsReader, ConversationsWriter
from internal_api.conversation_v2.conversations import service
from internal_api.conversation_v2.conversations.reading import reading
from internal_api.conversation_v2.conversations.schemas import (
    ClientConversationCreate,
    ConversationRead,
    DirectCreate,
    ProspectConversationCreate,
)
from internal_api.repository import mapped
from shared.models.conversation import Conversation, ConversationKind
from shared.utilities.auth import Principal
from shared.utilities.errors import Forbidden, InvalidInput, NotFound, Unauthorized, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(tags=["conversations"])


async def answer(
    principal: Principal, opened: tuple[Conversation, bool], response: Response
) -> ConversationRead:
    """201 when this call made the conversation, 200 when it existed."""
    conversation, created = opened
    response.status_code = 201 if created else 200
    return ConversationRead.of(await reading(principal.sub, conversation))


@router.get(
    "/conversations",
    summary="The conversations the user may read, most recently active first",
    description="Each with its last message, the user's unread count and last-read message "
    "(a reconnecting client fetches the messages after it).",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def list_conversations(
    principal: ConversationsReader,
    paging: Paging,
    kind: Annotated[ConversationKind | None, Query()] = None,
) -> Page[ConversationRead]:
    return mapped(await service.list_conversations(principal, paging, kind), ConversationRead.of)


@router.get(
    "/conversations/{conversation_id}",
    summary="One conversation",
    responses=error_responses(Unauthorized, Forbidden, NotFound),
)
async def get_conversation(
    principal: ConversationsReader, conversation_id: str
) -> ConversationRead:
    return ConversationRead.of(await service.get_conversation(principal, conversation_id))


@router.post(
    "/direct",
    status_code=201,
    summary="Open the direct conversation with another user of the account",
    description="201 when it is new, 200 with the existing one otherwise.",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def open_direct(
    principal: ConversationsWriter, body: DirectCreate, response: Response
) -> ConversationRead:
    return await answer(principal, await service.open_direct(principal, body), response)


@router.post(
    "/client-conversations",
    status_code=201,
    summary="Start a conversation between the agency and one of its sub-accounts",
    description="Users acting in the agency and in the sub-account read it.",
    responses=error_responses(Unauthorized, Forbidden, NotFound, InvalidInput),
)
async def open_client_conversation(
    principal: ConversationsWriter, body: ClientConversationCreate
) -> ConversationRead:
    conversation = await service.open_client_conversation(principal, body)
    return ConversationRead.of(await reading(principal.sub, conversation))


@router.post(
    "/prospect-conversations",
    status_code=201,
    summary="Open the conversation with a website visitor",
    description="The visitor becomes a prospect of the account on first contact; details sent "
    "update it. 201 when the conversation is new, 200 with the existing one otherwise.",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def open_prospect_conversation(
    principal: ConversationsWriter, body: ProspectConversationCreate, response: Response
) -> ConversationRead:
    opened = await service.open_prospect_conversation(principal, body)
    return await answer(principal, opened, response)
