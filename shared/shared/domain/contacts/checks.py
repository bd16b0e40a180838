"""The checks of a contact that need the database or the contact as a whole, run once its
values are set (`normalising` has checked each value alone). Each names the field at fault by
its plain path. `emails_taken` answers a whole batch in one query."""

from collections.abc import Sequence

from shared.domain.accounts.users import require_users
from shared.domain.contacts.errors import EmailTaken, NotABusiness
from shared.domain.contacts.repository import ContactRepository
from shared.models.contact import Contact, ContactType
from shared.utilities.errors import InvalidInput


async def check_users(contact: Contact, fields: Sequence[str]) -> None:
    """The owner and followers among `fields` are users of the account (its members, or its
    agency's owners and admins): `NotAccountUsers` naming any who is not."""
    if "owner_id" in fields and contact.owner_id:
        await require_users(contact.account_id, [str(contact.owner_id)], "owner_id")
    if "follower_ids" in fields and contact.follower_ids:
        await require_users(contact.account_id, map(str, contact.follower_ids), "follower_ids")


async def link_business(contacts: ContactRepository, contact: Contact) -> None:
    """A person linked to a business carries its name (for search and lists); the business
    is one the author sees, live. Unlinked, the person has no company name."""
    if contact.business_id is None:
        contact.company_name = None
        return
    business = await contacts.get(contact.business_id)
    if business.type != ContactType.BUSINESS or business.deleted_at:
        raise NotABusiness(
            f"Contact {contact.business_id} is not a live business.",
            details=[{"field": "business_id", "message": "not a live business"}],
        )
    contact.company_name = business.name


def check_shape(contact: Contact) -> None:
    """A person has a first or last name; a business has a name and no business of its own."""
    problems = []
    if contact.type == ContactType.PERSON and not (contact.first_name or contact.last_name):
        problems.append(("first_name", "a person needs a first or a last name"))
    if contact.type == ContactType.BUSINESS and not contact.name:
        problems.append(("name", "a business needs a name"))
    if contact.type == ContactType.BUSINESS and contact.business_id:
        problems.append(("business_id", "only a person links to a business"))
    if problems:
        raise InvalidInput(
            "; ".join(message for _, message in problems).capitalize() + ".",
            details=[{"field": field, "message": message} for field, message in problems],
        )


async def emails_taken(
    contacts: ContactRepository, written: Sequence[Contact]
) -> dict[int, tuple[Contact, list[str]]]:
    """For each contact being written (by index) whose emails another live contact of the
    account holds: that holder and the emails. Every contact of the account counts, not only
    those the author sees."""
    emails = {email for contact in written for email in contact.emails}
    if not emails:
        return {}
    holders = await contacts.whole_account().holding_emails(
        emails, excluding=[contact.id for contact in written if contact.id]
    )
    clashes = {}
    for index, contact in enumerate(written):
        for holder in holders:
            if shared := sorted(set(contact.emails) & set(holder.emails)):
                clashes[index] = (holder, shared)
                break
    return clashes


async def check_emails_free(contacts: ContactRepository, contact: Contact) -> None:
    """An email belongs to one live contact of an account: `EmailTaken` with the holder's id,
    so the author can open or merge it."""
    if clash := (await emails_taken(contacts, [contact])).get(0):
        holder, taken = clash
        raise EmailTaken(
            f"Contact {holder.id} already has {', '.join(taken)}.",
            details=[{"field": "emails", "contact_id": str(holder.id), "emails": taken}],
        )
