"""A new lead: a person who came to the account by themselves (a call, a text, a lead ad, a
live chat, a form) rather than one typed in or imported. The account's members hear of it
(`new_lead`, by email and push), each unless they turned it off."""

from shared.domain.notifications import dashboard_paths
from shared.domain.notifications.platform import tell
from shared.models.contact import Contact


async def announce_new_lead(contact: Contact) -> None:
    await tell(
        "new_lead",
        contact.account_id,
        {"lead_name": contact.display_name, "source": contact.source or ""},
        links={"lead_url": dashboard_paths.contact(contact.id)},
        key=str(contact.id),
    )
