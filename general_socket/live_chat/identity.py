"""A visitor saying who they are (`visitor:identify`). Anyone may type a customer's email into
a website, so the email is a claim, never proof:

- an email no live contact of the account holds makes a new person, and the visitor's
  prospect is linked to it;
- an email a contact already holds is recorded as pending (`identity_pending`) and linked
  only once one of the account's users confirms it (internal API,
  `POST /v1/live-chat/prospects/{id}/identity`).

Either way the visitor hears nothing about contacts, and the account's dashboards hear
`live_chat:identified`. A name given titles the visitor's conversation.
"""

from beanie import PydanticObjectId

from general_socket.live_chat.contacts import ContactCapture
from general_socket.live_chat.conversations import prospect_of
from general_socket.live_chat.tokens import Visitor
from general_socket.schemas import VisitorIdentity
from shared.domain.messages.prospects import update_prospect
from shared.models.conversation_prospect import ConversationProspect
from shared.utilities.outbox import emit
from shared.utilities.realtime import Socket, account_room


async def identify(
    visitor: Visitor, identity: VisitorIdentity, capture: ContactCapture
) -> ConversationProspect:
    prospect = await prospect_of(visitor)
    name = identity.name.strip() or prospect.name
    if identity.email == prospect.email:  # said again: nothing new to link
        await update_prospect(prospect, name=name)
    else:
        contact_id = await capture.new_contact(visitor.account_id, identity.email, name)
        await update_prospect(
            prospect,
            name=name,
            email=identity.email,
            contact_id=PydanticObjectId(contact_id) if contact_id else None,
            identity_pending=contact_id is None,
        )
    notice = {
        "prospect_id": str(prospect.id),
        "name": prospect.name,
        "email": prospect.email,
        "identity_pending": prospect.identity_pending,
    }
    emit(Socket.GENERAL, "live_chat:identified", notice, account_room(visitor.account_id))
    return prospect
