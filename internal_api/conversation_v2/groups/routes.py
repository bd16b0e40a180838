"""Groups of users of the account; their conversations are listed with the others."""

from fastapi import APIRouter

from internal_api.conversation_v2.auth import ConversationsWrite
from internal_api.conversation_v2.groups import service
from internal_api.conversation_v2.groups.schemas import GroupCreate, GroupRead
from shared.domain.accounts.users import NotAccountUsers
from shared.utilities.errors import SIGNED_IN, InvalidInput, error_responses

router = APIRouter(prefix="/groups", tags=["conversation groups"])


@router.post(
    "",
    status_code=201,
    response_model=GroupRead,
    summary="Create a group with users of the account",
    description="Its messages are in the conversation `conversation_id` (join that id on the "
    "conversation socket); only its members read it. Members are users of the account: its "
    "members, and in a sub-account the agency's owners and admins.",
    responses=error_responses(*SIGNED_IN, NotAccountUsers, InvalidInput),
)
async def create_group(principal: ConversationsWrite, body: GroupCreate) -> service.Group:
    return await service.create_group(principal, body)
