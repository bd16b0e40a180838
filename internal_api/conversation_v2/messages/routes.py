"""A conversation's messages: history by cursor, posting (reaching the sockets as a socket
message does), read pointers, and search across the conversations the user reads."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.conversation_v2.auth import ConversationsRead, ConversationsWrite
from internal_api.conversation_v2.conversations.reading import Reading
from internal_api.conversation_v2.conversations.schemas import ConversationRead
from internal_api.conversation_v2.messages import service
from internal_api.conversation_v2.messages.repository import MessagesIn
from internal_api.conversation_v2.messages.schemas import (
    MessageCreate,
    MessageRead,
    MessageWindow,
    ReadCreate,
)
from shared.models.conversation_message import ConversationMessage
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import MAX_LIMIT, Page, PageParams, sorted_by

router = APIRouter(tags=["conversation messages"])

MessagePaging = Annotated[PageParams, Depends(sorted_by(MessagesIn.sortable))]


@router.get(
    "/conversations/{conversation_id}/messages",
    response_model=MessageWindow,
    summary="A conversation's messages, by cursor",
    description="Newest first, from the newest or `before` a message id; or oldest first "
    "`after` a message id (a reconnecting client passes its `last_read_message_id`). "
    "`next_cursor` continues in the same direction.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def list_messages(
    principal: ConversationsRead,
    conversation_id: str,
    before: Annotated[str | None, Query()] = None,
    after: Annotated[str | None, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
) -> MessageWindow:
    found, next_cursor = await service.history(principal, conversation_id, before, after, limit)
    return MessageWindow.model_validate({"data": found, "next_cursor": next_cursor})


@router.post(
    "/conversations/{conversation_id}/messages",
    status_code=201,
    response_model=MessageRead,
    summary="Post a message",
    description="Stored, then sent to the conversation's sockets as `message:new` and published "
    "as `message.created`. Posting again with the same `client_id` answers 200 with the "
    "stored message and sends nothing.",
    responses={
        200: {"model": MessageRead, "description": "A resend: the message stored before."},
        **error_responses(*SIGNED_IN, NotFound, InvalidInput),
    },
)
async def post_message(
    principal: ConversationsWrite, conversation_id: str, body: MessageCreate, response: Response
) -> ConversationMessage:
    message, created = await service.post_message(principal, conversation_id, body)
    response.status_code = 201 if created else 200
    return message


@router.post(
    "/conversations/{conversation_id}/read",
    response_model=ConversationRead,
    summary="Mark the conversation read up to a message",
    description="The pointer never moves back; a move is sent to the sockets as `message:read`.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def mark_read(
    principal: ConversationsRead, conversation_id: str, body: ReadCreate
) -> Reading:
    return await service.mark_read(principal, conversation_id, body)


@router.get(
    "/messages/search",
    response_model=Page[MessageRead],
    summary="Search messages in the conversations the user reads, newest first",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def search_messages(
    principal: ConversationsRead,
    paging: MessagePaging,
    q: Annotated[str, Query(min_length=2, max_length=200)],
    conversation_id: Annotated[str | None, Query()] = None,
) -> Page[ConversationMessage]:
    return await service.search(principal, q, paging, conversation_id)
