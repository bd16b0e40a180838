"""The account's team channels: every user of the account reads them."""

from fastapi import APIRouter

from internal_api.conversation_v2.access import ConversationsReader, ConversationsWriter
from internal_api.conversation_v2.channels import service
from internal_api.conversation_v2.channels.schemas import ChannelCreate, ChannelRead
from internal_api.repository import mapped
from shared.utilities.errors import Conflict, Forbidden, InvalidInput, Unauthorized, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/channels", tags=["conversation channels"])


@router.post(
    "",
    status_code=201,
    summary="Create a team channel",
    description="Its messages are in the conversation `conversation_id`.",
    responses=error_responses(Unauthorized, Forbidden, Conflict, InvalidInput),
)
async def create_channel(principal: ConversationsWriter, body: ChannelCreate) -> ChannelRead:
    return ChannelRead.of(await service.create_channel(principal, body))


@router.get(
    "",
    summary="The account's team channels",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def list_channels(principal: ConversationsReader, paging: Paging) -> Page[ChannelRead]:
    return mapped(await service.list_channels(principal, paging), ChannelRead.of)
