"""A conversation's messages: history by cursor, posting (reaching the sockets as a socket
message does), read pointers, and search across the conversations the user reads."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from internal_api.conversation_v2.access import ConversationsReader, ConversationsWriter
from internal_api.conversation_v2.conversations.schemas import ConversationRead
from internal_api.conversation_v2.messages import service
from internal_api.conversation_v2.messages.schemas import (
    MessageCreate,
    MessageRead,
    MessageWindow,
    ReadCreate,
)
from internal_api.repository import mapped
from shared.utilities.errors import Forbidden, InvalidInput, NotFound, Unauthorized, error_responses
from shared.utilities.pagination import MAX_LIMIT, Page, Paging

router = APIRouter(tags=["conversation messages"])


@router.get(
    "/conversations/{conversation_id}/messages",
    summary="A conversation's messages, by cursor",
    description="Newest first, from the newest or `before` a message id; or oldest first "
    "`after` a message id (a reconnecting client passes its `last_read_message_id`). "
    "`next_cursor` continues in the same direction.",
    responses=error_responses(Unauthorized, Forbidden, NotFound, InvalidInput),
)
async def list_messages(
    principal: ConversationsReader,
    conversation_id: str,
    before: Annotated[str | None, Query()] = None,
    after: Annotated[str | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> MessageWindow:
    found, next_cursor = await service.history(principal, conversation_id, before, after, limit)
    return MessageWindow(
        data=[MessageRead.of(message) for message in found], next_cursor=next_cursor
    )


@router.post(
    "/conversations/{conversation_id}/messages",
    status_code=201,
    summary="Post a message",
    description="Stored, then sent to the conversation's sockets as `message:new` and published "
    "as `message.created`. Posting again with the same `client_id` answers 200 with the "
    "stored message and sends nothing.",
    responses=error_responses(Unauthorized, Forbidden, NotFound, InvalidInput),
)
async def post_message(
    principal: ConversationsWriter, conversation_id: str, body: MessageCreate, response: Response
) -> MessageRead:
    message, created = await service.post_message(principal, conversation_id, body)
    response.status_code = 201 if created else 200
    return MessageRead.of(message)


@router.post(
    "/conversations/{conversation_id}/read",
    summary="Mark the conversation read up to a message",
    description="The pointer never moves back; a move is sent to the sockets as `message:read`.",
    responses=error_responses(Unauthorized, Forbidden, NotFound, InvalidInput),
)
async def mark_read(
    principal: ConversationsReader, conversation_id: str, body: ReadCreate
) -> ConversationRead:
    return ConversationRead.of(await service.mark_read(principal, conversation_id, body))


@router.get(
    "/messages/search",
    summary="Search messages in the conversations the user reads, newest first",
    responses=error_responses(Unauthorized, Forbidden, NotFound, InvalidInput),
)
async def search_messages(
    principal: ConversationsReader,
    paging: Paging,
    q: Annotated[str, Query(min_length=2, max_length=200)],
    conversation_id: Annotated[str | None, Query()] = None,
) -> Page[MessageRead]:
    return mapped(await service.search(principal, q, paging, conversation_id), MessageRead.of)
