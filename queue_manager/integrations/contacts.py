"""The CRM contact behind a phone number or an email, for calls, texts and leads that arrive
from providers.

Someone not yet known to the account becomes a new person, searchable like any other (its
`search_terms` written by the same rule as the contacts service's).
"""

import re

from beanie import PydanticObjectId

from shared.models.contact import Contact
from shared.utilities.contact_search import search_terms

E164 = re.compile(r"^\+[1-9]\d{1,14}$")


def is_e164(phone: str | None) -> bool:
    return bool(phone and E164.match(phone))


def split_name(name: str | None) -> dict[str, str]:
    """A provider's caller name ("Grace Hopper") as first and last name."""
    first, _, last = (name or "").strip().partition(" ")
    return {key: value for key, value in (("first_name", first), ("last_name", last)) if value}


async def contact_for(
    account_id: PydanticObjectId,
    source: str,
    *,
    email: str | None = None,
    phone: str | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
    tag: str | None = None,
) -> tuple[Contact, bool]:
    """The account's live contact with this email or phone, completed with what it lacked (a
    name, the other address, the tag); or a new one. Returns it and whether it is new."""
    same = [{"emails": email}] if email else []
    same += [{"phones": phone}] if phone else []
    contact = await Contact.find_one({"account_id": account_id, "deleted_at": None, "$or": same})
    created = contact is None
    if created:
        contact = Contact(account_id=account_id, source=source)
    before = contact.model_dump()
    contact.first_name = contact.first_name or first_name or None
    contact.last_name = contact.last_name or last_name or None
    if email and email not in contact.emails:
        contact.emails = [*contact.emails, email]
    if phone and phone not in contact.phones:
        contact.phones = [*contact.phones, phone]
    if tag and tag not in contact.tags:
        contact.tags = [*contact.tags, tag]
    if created:
        contact.search_terms = search_terms(contact)
        return await contact.insert(), True
    if contact.model_dump() != before:
        contact.search_terms = search_terms(contact)
        await contact.save()
    return contact, False


async def contact_for_phone(
    account_id: PydanticObjectId, phone: str, source: str, name: str | None = None
) -> tuple[Contact, bool]:
    """For a caller or texter known only by number (and maybe a name from the provider)."""
    return await contact_for(account_id, source, phone=phone, **split_name(name))
