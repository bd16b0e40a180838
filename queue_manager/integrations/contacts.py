"""The CRM contact behind a phone number, for calls and texts that arrive from providers.

A number not yet known to the account becomes a new person, searchable like any other (its
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


async def contact_for_phone(
    account_id: PydanticObjectId, phone: str, source: str, name: str | None = None
) -> tuple[Contact, bool]:
    """The account's live contact with this phone, or a new one; and whether it is new."""
    found = await Contact.find_one({"account_id": account_id, "phones": phone, "deleted_at": None})
    if found is not None:
        return found, False
    contact = Contact(account_id=account_id, phones=[phone], source=source, **split_name(name))
    contact.search_terms = search_terms(contact)
    return await contact.insert(), True
