"""A live-chat visitor who leaves their email becomes a CRM contact of the widget's account,
once: a live contact already holding the email is the visitor's contact. The general socket
asks for this with its service token, so the contact passes every rule of the contacts
service (validation, search terms, history, automations, live updates)."""

from internal_api.crm.contacts.schemas import ContactCreate
from internal_api.crm.contacts.service import Caller, create_contact
from internal_api.live_chat.schemas import ProspectContactCreate
from shared.models.contact import Contact
from shared.utilities.errors import Conflict
from shared.utilities.repository import TenantRepository

SOURCE = "live_chat"


async def contact_for(data: ProspectContactCreate, phone_region: str) -> tuple[Contact, bool]:
    """The account's live contact with the email, made if there is none; and whether it was
    made now."""
    contacts = TenantRepository(Contact, data.account_id)
    if holder := await live_holder(contacts, data.email):
        return holder, False
    try:
        created = await create_contact(
            Caller.platform(data.account_id, phone_region), contact_data(data)
        )
    except Conflict:  # another request gave the email to a new contact meanwhile
        if holder := await live_holder(contacts, data.email):
            return holder, False
        raise
    return created, True


async def live_holder(contacts: TenantRepository[Contact], email: str) -> Contact | None:
    found = await contacts.list({"emails": email, "deleted_at": None}, limit=1)
    return found[0] if found else None


def contact_data(data: ProspectContactCreate) -> ContactCreate:
    """A person needs a name: the visitor's, else the part of the email before the @."""
    first, _, last = (data.name.strip() or data.email.split("@")[0]).partition(" ")
    return ContactCreate(
        first_name=first, last_name=last.strip() or None, emails=[data.email], source=SOURCE
    )
