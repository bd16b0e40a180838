"""The contact behind a provider's caller (a Facebook lead, an inbound SMS, a CallRail call):
found by email or phone and completed with what it lacked, or made, through the same write
path as any other contact.

    author = await platform_author(account_id, settings)
    contact, created = await contact_for(author, "callrail", phone="+14045550199",
                                         **names_of("Grace Hopper"),
                                         touch=Touch(LeadSource.CALLRAIL, "+14045550100"))

A caller that is a person reaching the account by themselves (a lead, a text, a call in) passes
its `touch`, and `contact_for` records it as the contact's lead (`shared.domain.leads`), new
contact or known, so every side path records its leads the same way. Recording is opt-in: a
caller that only needs the contact (a form submission finds its contact here, then records its
lead with what only it knows) passes none.
"""

from typing import Any

from shared.domain.contacts import normalising
from shared.domain.contacts.errors import EmailTaken, Unreachable
from shared.domain.contacts.leads import announce_new_lead
from shared.domain.contacts.normalising import Context, Invalid, Normaliser
from shared.domain.contacts.writing import Author, create_contact, update_contact
from shared.domain.leads.recording import Touch, record_touch
from shared.models.contact import Contact


async def contact_for(
    author: Author,
    source: str,
    *,
    email: str | None = None,
    phone: str | None = None,
    first_name: str | None = None,
    last_name: str | None = None,
    tag: str | None = None,
    touch: Touch | None = None,
) -> tuple[Contact, bool]:
    """The account's live contact reachable at this email or phone, completed with what it
    lacked (a name, the other address, the tag); or a new person from `source`. Returns it and
    whether it is new. The email and phone are read as the contact would store them (a phone
    without a country code in the author's region); one that cannot be read is left out, and
    `Unreachable` answers when neither can. A new person the provider gives no name is named
    after the part of the email before the @, else the number, as a person needs a name; a new
    person is a new lead the account's members hear of (`leads`); the `touch`, when given, is
    recorded as the contact's lead. Two writes racing for one new email end with one contact."""
    contact, created = await found_or_made(author, source, email, phone, first_name, last_name, tag)
    if touch is not None:
        await record_touch(contact, touch, new_contact=created)
    return contact, created


async def found_or_made(
    author: Author,
    source: str,
    email: str | None,
    phone: str | None,
    first_name: str | None,
    last_name: str | None,
    tag: str | None,
) -> tuple[Contact, bool]:
    email, phone = reachable(author, email, phone)
    found = await author.contacts.reachable_at(email, phone)
    if found is None:
        if not (first_name or last_name):
            first_name = email.split("@")[0] if email else phone
        fields: dict[str, Any] = {"source": source, "first_name": first_name}
        fields["last_name"] = last_name
        fields |= {"emails": [email] if email else [], "phones": [phone] if phone else []}
        fields["tags"] = [tag] if tag else []
        try:
            contact = await create_contact(author, fields)
        except EmailTaken:  # another write gave the email to a new contact meanwhile
            found = await author.contacts.reachable_at(email, phone)
            if found is None:
                raise
        else:
            await announce_new_lead(contact)
            return contact, True
    fields = lacking(found, email, phone, first_name, last_name, tag)
    return await update_contact(author, found, fields), False


def reachable(
    author: Author, email: str | None, phone: str | None
) -> tuple[str | None, str | None]:
    """The email and phone as stored, each None when it cannot be read."""
    context = Context(phone_region=author.phone_region, custom_fields={})
    email = read_or_none(normalising.emails, email, context)
    phone = read_or_none(normalising.phones, phone, context)
    if not email and not phone:
        raise Unreachable(
            "Neither an email nor a phone number to reach.",
            details=[{"field": "emails"}, {"field": "phones"}],
        )
    return email, phone


def read_or_none(normaliser: Normaliser, value: str | None, context: Context) -> str | None:
    try:
        return normaliser([value], context)[0] if value else None
    except Invalid:
        return None


def names_of(full_name: str | None) -> dict[str, str]:
    """A provider's single name field ("Grace Hopper") as first and last name."""
    first, _, last = (full_name or "").strip().partition(" ")
    named = (("first_name", first), ("last_name", last.strip()))
    return {key: value for key, value in named if value}


def lacking(
    contact: Contact,
    email: str | None,
    phone: str | None,
    first_name: str | None,
    last_name: str | None,
    tag: str | None,
) -> dict[str, Any]:
    """The fields that complete a known contact with what a provider knows of it."""
    fields: dict[str, Any] = {}
    if first_name and not contact.first_name:
        fields["first_name"] = first_name
    if last_name and not contact.last_name:
        fields["last_name"] = last_name
    if email and email not in contact.emails:
        fields["emails"] = [*contact.emails, email]
    if phone and phone not in contact.phones:
        fields["phones"] = [*contact.phones, phone]
    if tag and tag not in contact.tags:
        fields["tags"] = [*contact.tags, tag]
    return fields
