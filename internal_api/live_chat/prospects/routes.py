"""The prospects visitors become: the contact a visitor's new email makes (asked for by the
general socket), a prospect as the team sees it, and confirming who a visitor is."""

from fastapi import APIRouter, Response

from internal_api.dependencies import Settings
from internal_api.live_chat.auth import ProspectContactsCaller, ProspectsRead, ProspectsWrite
from internal_api.live_chat.prospects import service
from internal_api.live_chat.prospects.schemas import (
    ProspectContactCreate,
    ProspectContactRead,
    ProspectRead,
)
from shared.models.conversation_prospect import ConversationProspect
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, Unauthorized, error_responses

router = APIRouter(tags=["live chat"])


@router.post(
    "/prospect-contacts",
    response_model=ProspectContactRead,
    summary="The contact of a visitor who left an email (the general socket only)",
    description="A new person (source `live_chat`, 201) when no live contact of the account "
    "holds the email; otherwise 200 with no contact: the visitor is linked to a known "
    "contact only once one of the account's users confirms it.",
    responses={
        201: {"model": ProspectContactRead, "description": "A new person was made."},
        **error_responses(Unauthorized, InvalidInput),
    },
)
async def capture_contact(
    body: ProspectContactCreate, _: ProspectContactsCaller, settings: Settings, response: Response
) -> ProspectContactRead:
    contact = await service.contact_for_new_email(body, settings.default_phone_region)
    response.status_code = 201 if contact else 200
    return ProspectContactRead(contact_id=contact.id if contact else None, created=bool(contact))


@router.get(
    "/prospects/{prospect_id}",
    response_model=ProspectRead,
    summary="A prospect: who the visitor says they are, and the contact they are linked to",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_prospect(prospect_id: str, principal: ProspectsRead) -> ConversationProspect:
    return await service.get_prospect(principal, prospect_id)


@router.post(
    "/prospects/{prospect_id}/identity",
    response_model=ProspectRead,
    summary="Confirm the visitor is the contact holding the email they gave",
    description="Links the prospect to that contact (a new person when none holds the email "
    "any more) and sends `live_chat:identity_confirmed` to the account's dashboards.",
    responses=error_responses(*SIGNED_IN, NotFound, service.NoIdentityToConfirm),
)
async def confirm_identity(
    prospect_id: str, principal: ProspectsWrite, settings: Settings
) -> ConversationProspect:
    return await service.confirm_identity(principal, prospect_id, settings.default_phone_region)
