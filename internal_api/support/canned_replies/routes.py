"""A supporting team's canned replies, the placeholders they may hold, and a reply filled for
one of the conversations the team answers."""

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.dependencies import Settings
from internal_api.support.auth import SupportRead, SupportWrite
from internal_api.support.canned_replies import service
from internal_api.support.canned_replies.repository import CannedReplies
from internal_api.support.canned_replies.schemas import (
    CannedReplyCreate,
    CannedReplyRead,
    CannedReplyUpdate,
    FilledReply,
    Placeholder,
)
from internal_api.support.errors import NotASupportingAccount, NotTheSupportingTeam, ShortcutTaken
from internal_api.support.placeholders import NAMES
from shared.models.support_canned_reply import SupportCannedReply
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(tags=["support canned replies"])

ReplyPaging = Annotated[PageParams, Depends(sorted_by(CannedReplies.sortable, default="title"))]
REFUSALS = (*SIGNED_IN, NotASupportingAccount)


@router.get(
    "/canned-replies",
    response_model=Page[CannedReplyRead],
    summary="The team's canned replies",
    description="`q` keeps those whose title or shortcut holds it, in any case.",
    responses=error_responses(*REFUSALS, InvalidInput),
)
async def list_replies(
    principal: SupportRead,
    settings: Settings,
    paging: ReplyPaging,
    q: Annotated[str | None, Query(min_length=1, max_length=100)] = None,
) -> Page[SupportCannedReply]:
    return await service.list_replies(principal, settings.support_account_id, paging, q)


@router.post(
    "/canned-replies",
    status_code=201,
    response_model=CannedReplyRead,
    summary="Save a canned reply",
    responses=error_responses(*REFUSALS, ShortcutTaken, InvalidInput),
)
async def create_reply(
    principal: SupportWrite, settings: Settings, body: CannedReplyCreate
) -> SupportCannedReply:
    return await service.create_reply(principal, settings.support_account_id, body)


@router.get(
    "/canned-replies/placeholders",
    response_model=list[Placeholder],
    summary="The placeholders a canned reply may hold",
    responses=error_responses(*SIGNED_IN),
)
async def list_placeholders(principal: SupportRead) -> list[Placeholder]:
    return [Placeholder(name=name, description=text) for name, text in NAMES.items()]


@router.get(
    "/canned-replies/{reply_id}",
    response_model=CannedReplyRead,
    summary="One canned reply",
    responses=error_responses(*REFUSALS, NotFound),
)
async def get_reply(
    principal: SupportRead, settings: Settings, reply_id: str
) -> SupportCannedReply:
    return await service.get_reply(principal, settings.support_account_id, reply_id)


@router.patch(
    "/canned-replies/{reply_id}",
    response_model=CannedReplyRead,
    summary="Change a canned reply",
    responses=error_responses(*REFUSALS, NotFound, ShortcutTaken, InvalidInput),
)
async def update_reply(
    principal: SupportWrite, settings: Settings, reply_id: str, body: CannedReplyUpdate
) -> SupportCannedReply:
    return await service.update_reply(principal, settings.support_account_id, reply_id, body)


@router.delete(
    "/canned-replies/{reply_id}",
    status_code=204,
    response_class=Response,
    summary="Delete a canned reply",
    responses=error_responses(*REFUSALS, NotFound),
)
async def delete_reply(principal: SupportWrite, settings: Settings, reply_id: str) -> None:
    await service.delete_reply(principal, settings.support_account_id, reply_id)


@router.get(
    "/conversations/{conversation_id}/canned-replies/{reply_id}",
    response_model=FilledReply,
    summary="A canned reply filled for a conversation",
    description="Its placeholders filled from the conversation's account and customer, the "
    "caller as the agent: the text to post (or edit) as the team's answer.",
    responses=error_responses(*REFUSALS, NotTheSupportingTeam, NotFound),
)
async def fill_reply(
    principal: SupportRead, settings: Settings, conversation_id: str, reply_id: str
) -> FilledReply:
    reply, body = await service.filled_reply(
        principal, settings.support_account_id, conversation_id, reply_id
    )
    return FilledReply(canned_reply_id=str(reply.id), body=body)
