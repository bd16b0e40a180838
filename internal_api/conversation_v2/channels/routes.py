"""The account's team channels: every user of the account reads them."""

from typing import Annotated

from fastapi import APIRouter, Depends

from internal_api.conversation_v2.auth import ConversationsRead, ConversationsWrite
from internal_api.conversation_v2.channels import service
from internal_api.conversation_v2.channels.repository import Channels
from internal_api.conversation_v2.channels.schemas import ChannelCreate, ChannelRead
from internal_api.conversation_v2.channels.service import ChannelNameTaken
from shared.models.conversation_channel import ConversationChannel
from shared.utilities.errors import SIGNED_IN, InvalidInput, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/channels", tags=["conversation channels"])

ChannelPaging = Annotated[PageParams, Depends(sorted_by(Channels.sortable))]


@router.post(
    "",
    status_code=201,
    response_model=ChannelRead,
    summary="Create a team channel",
    description="Its messages are in the conversation `conversation_id`: join that id on the "
    "conversation socket (`conversation:join`) and post messages to it.",
    responses=error_responses(*SIGNED_IN, ChannelNameTaken, InvalidInput),
)
async def create_channel(principal: ConversationsWrite, body: ChannelCreate) -> ConversationChannel:
    return await service.create_channel(principal, body)


@router.get(
    "",
    response_model=Page[ChannelRead],
    summary="The account's team channels",
    responses=error_responses(*SIGNED_IN, InvalidInput),
)
async def list_channels(
    principal: ConversationsRead, paging: ChannelPaging
) -> Page[ConversationChannel]:
    return await service.list_channels(principal, paging)
