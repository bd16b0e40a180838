"""The CRM contact behind a phone number, for calls and texts that arrive from providers.

A number not yet known to the account becomes a new person. (Their `search_terms` are left to
the contacts service's next write: the rule that computes them lives in internal_api.)
"""

import re

from beanie import PydanticObjectId

from shared.models.contact import Contact

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
    return await contact.insert(), True
