"""Who a live-chat visitor says they are. Anyone may type a customer's email into a website, so
the email is a claim, never proof:

- an email no live contact of the account holds makes a new person (source `live_chat`), a
  new lead the account's members hear of, and the visitor's prospect is linked to it;
- an email a contact already holds is kept as pending (`identity_pending`) and linked only
  once one of the account's users confirms the visitor is that contact (`confirm_identity`).

A visitor linked to a contact, new or known, is a `live_chat` lead of that contact's, through
the widget the visitor came by, landing on the page they started chatting on.

Contacts are written through the one contact write path (`shared.domain.contacts`), from
whichever process asks (the general socket for a visitor, the internal API for an agent).
"""

from typing import Any

from shared.domain.contacts.errors import EmailTaken
from shared.domain.contacts.leads import announce_new_lead
from shared.domain.contacts.writing import Author, create_contact
from shared.domain.leads.recording import Touch, record_touch
from shared.domain.messages.prospects import update_prospect
from shared.models.contact import Contact
from shared.models.conversation_prospect import ConversationProspect
from shared.models.lead import Attribution, LeadSource
from shared.utilities.errors import Conflict
from shared.utilities.outbox import emit
from shared.utilities.realtime import Socket, account_room

SOURCE = "live_chat"


class NoIdentityToConfirm(Conflict):
    """The visitor has not claimed a known contact's email, or it was confirmed already."""

    code = "no_identity_to_confirm"


async def claim_identity(
    author: Author, prospect: ConversationProspect, email: str, name: str
) -> ConversationProspect:
    """Keep what the visitor says on their prospect: linked to a new person for a new email,
    pending for a known one, and unchanged for the email they gave before. The account's
    dashboards hear `live_chat:identified`."""
    name = name.strip() or prospect.name
    if email == prospect.email:  # said again: nothing new to link
        await update_prospect(prospect, name=name)
    else:
        contact = await new_person(author, prospect, email, name)
        await update_prospect(
            prospect,
            name=name,
            email=email,
            contact_id=contact.id if contact else None,
            identity_pending=contact is None,
        )
    notice = {
        "prospect_id": str(prospect.id),
        "name": prospect.name,
        "email": prospect.email,
        "identity_pending": prospect.identity_pending,
    }
    emit(Socket.GENERAL, "live_chat:identified", notice, account_room(prospect.account_id))
    return prospect


async def confirm_identity(author: Author, prospect: ConversationProspect) -> Contact:
    """Link the prospect to the live contact holding the email the visitor gave (a new person
    if none holds it any more), and tell the account's dashboards."""
    if not (prospect.identity_pending and prospect.email):
        raise NoIdentityToConfirm(f"Prospect {prospect.id} has no identity to confirm.")
    contact = await holder(author, prospect.email)
    made = contact is None
    if contact is None:
        contact = await create_contact(author, person(prospect.email, prospect.name))
        await announce_new_lead(contact)
    await record_touch(contact, visit(prospect), new_contact=made)
    await prospect.set({"contact_id": contact.id, "identity_pending": False})
    notice = {"prospect_id": str(prospect.id), "contact_id": str(contact.id)}
    emit(Socket.GENERAL, "live_chat:identity_confirmed", notice, account_room(prospect.account_id))
    return contact


async def holder(author: Author, email: str) -> Contact | None:
    held = await author.contacts.holding_emails([email])
    return held[0] if held else None


async def new_person(
    author: Author, prospect: ConversationProspect, email: str, name: str
) -> Contact | None:
    """A new person with the email, the prospect's visit their lead; None when a live contact
    holds it."""
    if await holder(author, email):
        return None
    try:
        contact = await create_contact(author, person(email, name))
    except EmailTaken:  # another write gave the email to a new contact meanwhile
        return None
    await announce_new_lead(contact)
    await record_touch(contact, visit(prospect), new_contact=True)
    return contact


def visit(prospect: ConversationProspect) -> Touch:
    """The visitor's chat as a touch: through their widget, from the page they chatted on."""
    return Touch(
        LeadSource.LIVE_CHAT,
        source_ref=prospect.widget_id,
        attribution=Attribution(landing_page=prospect.page_url),
    )


def person(email: str, name: str) -> dict[str, Any]:
    """A person needs a name: the visitor's, else the part of the email before the @."""
    first, _, last = (name.strip() or email.split("@")[0]).partition(" ")
    last_name = last.strip() or None
    return {"first_name": first, "last_name": last_name, "emails": [email], "source": SOURCE}
