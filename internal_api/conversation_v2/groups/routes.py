"""Groups of users of the account; their conversations are listed with the others."""

from fastapi import APIRouter

from internal_api.conversation_v2.access import ConversationsWriter
from internal_api.conversation_v2.groups import service
from internal_api.conversation_v2.groups.schemas import GroupCreate, GroupRead
from shared.utilities.errors import Forbidden, InvalidInput, Unauthorized, error_responses

router = APIRouter(prefix="/groups", tags=["conversation groups"])


@router.post(
    "",
    status_code=201,
    summary="Create a group with users of the account",
    description="Its messages are in the conversation `conversation_id`; only its members read it.",
    responses=error_responses(Unauthorized, Forbidden, InvalidInput),
)
async def create_group(principal: ConversationsWriter, body: GroupCreate) -> GroupRead:
    group, members = await service.create_group(principal, body)
    return GroupRead.of(group, members)
