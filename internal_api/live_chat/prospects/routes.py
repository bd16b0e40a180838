"""The prospects visitors become: a prospect as the team sees it, and confirming who a
visitor is."""

from fastapi import APIRouter

from internal_api.dependencies import Settings
from internal_api.live_chat.auth import ProspectsRead, ProspectsWrite
from internal_api.live_chat.prospects import service
from internal_api.live_chat.prospects.schemas import ProspectRead
from shared.domain.contacts.errors import EmailTaken
from shared.domain.messages.identity import NoIdentityToConfirm
from shared.models.conversation_prospect import ConversationProspect
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses

router = APIRouter(prefix="/prospects", tags=["live chat"])


@router.get(
    "/{prospect_id}",
    response_model=ProspectRead,
    summary="A prospect: who the visitor says they are, and the contact they are linked to",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_prospect(prospect_id: str, principal: ProspectsRead) -> ConversationProspect:
    return await service.get_prospect(principal, prospect_id)


@router.post(
    "/{prospect_id}/identity",
    response_model=ProspectRead,
    summary="Confirm the visitor is the contact holding the email they gave",
    description="Links the prospect to that contact (a new person when none holds the email "
    "any more) and sends `live_chat:identity_confirmed` to the account's dashboards.",
    responses=error_responses(*SIGNED_IN, NotFound, NoIdentityToConfirm, EmailTaken),
)
async def confirm_identity(
    prospect_id: str, principal: ProspectsWrite, settings: Settings
) -> ConversationProspect:
    return await service.confirm_identity(principal, prospect_id, settings)
