"""A live-chat visitor's contact, and who the visitor is.

A visitor who leaves an email no live contact of the account holds becomes a new person
(source `live_chat`), linked to its prospect. An email a contact already holds is only
recorded as the visitor's claim: anyone may type a customer's email into a website, so the
prospect is linked to that contact only once one of the account's users confirms it here. The
contact passes every rule of the contacts service (validation, search terms, history,
automations, live updates).
"""

from typing import Any

from beanie import PydanticObjectId

from internal_api.crm.contacts.schemas import ContactCreate
from internal_api.live_chat.prospects.repository import Prospects, live_holder
from internal_api.live_chat.prospects.schemas import ProspectContactCreate
from shared.domain.contacts.repository import ContactRepository
from shared.domain.contacts.writing import Author, create_contact
from shared.models.contact import Contact
from shared.models.conversation_prospect import ConversationProspect
from shared.utilities.auth import Principal
from shared.utilities.errors import Conflict
from shared.utilities.outbox import emit
from shared.utilities.realtime import Socket, account_room

SOURCE = "live_chat"


class NoIdentityToConfirm(Conflict):
    """The visitor has not claimed a known contact's email, or it was confirmed already."""

    code = "no_identity_to_confirm"


async def contact_for_new_email(data: ProspectContactCreate, phone_region: str) -> Contact | None:
    """A new person for an email no live contact of the account holds; None when one does."""
    if await live_holder(data.account_id, data.email):
        return None
    author = Author.platform(data.account_id, phone_region)
    try:
        return await create_contact(author, contact_data(data.email, data.name))
    except Conflict:  # another request gave the email to a new contact meanwhile
        return None


async def get_prospect(principal: Principal, prospect_id: str) -> ConversationProspect:
    return await Prospects(principal.account_id).get(prospect_id)


async def confirm_identity(
    principal: Principal, prospect_id: str, phone_region: str
) -> ConversationProspect:
    """Link the prospect to the live contact holding the email the visitor gave (a new person
    if none holds it any more), and tell the account's dashboards."""
    prospect = await get_prospect(principal, prospect_id)
    if not (prospect.identity_pending and prospect.email):
        raise NoIdentityToConfirm(f"Prospect {prospect_id} has no identity to confirm.")
    contact = await live_holder(principal.account_id, prospect.email)
    if contact is None:
        contacts = ContactRepository(principal.account_id)
        author = Author(contacts, PydanticObjectId(principal.sub), phone_region)
        contact = await create_contact(author, contact_data(prospect.email, prospect.name))
    await prospect.set({"contact_id": contact.id, "identity_pending": False})
    notice = {"prospect_id": str(prospect.id), "contact_id": str(contact.id)}
    emit(Socket.GENERAL, "live_chat:identity_confirmed", notice, account_room(prospect.account_id))
    return prospect


def contact_data(email: str, name: str) -> dict[str, Any]:
    """A person needs a name: the visitor's, else the part of the email before the @."""
    first, _, last = (name.strip() or email.split("@")[0]).partition(" ")
    data = ContactCreate(
        first_name=first, last_name=last.strip() or None, emails=[email], source=SOURCE
    )
    return data.model_dump(exclude_unset=True)
