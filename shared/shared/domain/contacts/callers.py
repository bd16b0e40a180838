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

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
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
    tags: Iterable[str] = (),
    more: Mapping[str, Any] | None = None,
    announce: bool = True,
    touch: Touch | None = None,
) -> tuple[Contact, bool]:
    """The account's live contact reachable at this email or phone, completed with what it
    lacked (a name, the other address, the tag); or a new person from `source`. Returns it and
    whether it is new. The email and phone are read as the contact would store them (a phone
    without a country code in the author's region); one that cannot be read is left out, and
    `Unreachable` answers when neither can. A new person the provider gives no name is named
    after the part of the email before the @, else the number, as a person needs a name; a new
    person is a new lead the account's members hear of (`leads`), unless `announce` is False (the
    caller tells of it its own way); the `touch`, when given, is recorded as the contact's lead.
    `more` holds other fields as the contacts API names them (`website`, `address`, `custom`): a
    new contact gets them, a known one only those it lacks (an address's missing parts, a custom
    value it has none for), so what a stranger sends never overwrites what the account knows.
    Two writes racing for one new email end with one contact."""
    email, phone = reachable(author, email, phone)
    wanted = Known(email, phone, first_name, last_name, [*([tag] if tag else []), *tags])
    wanted.more.update(more or {})
    contact, created = await found_or_made(author, source, wanted, announce)
    if touch is not None:
        await record_touch(contact, touch, new_contact=created)
    return contact, created


@dataclass
class Known:
    """What a provider knows of its caller: the email and phone as stored, names, tags to add
    and other fields (`more`, as the contacts API names them)."""

    email: str | None
    phone: str | None
    first_name: str | None
    last_name: str | None
    tags: list[str]
    more: dict[str, Any] = field(default_factory=dict)


async def found_or_made(
    author: Author, source: str, known: Known, announce: bool
) -> tuple[Contact, bool]:
    email, phone = known.email, known.phone
    found = await author.contacts.reachable_at(email, phone)
    if found is None:
        first_name = known.first_name
        if not (first_name or known.last_name):
            first_name = email.split("@")[0] if email else phone
        fields: dict[str, Any] = {"source": source, "first_name": first_name}
        fields["last_name"] = known.last_name
        fields |= {"emails": [email] if email else [], "phones": [phone] if phone else []}
        fields["tags"] = list(dict.fromkeys(known.tags))
        try:
            contact = await create_contact(author, {**known.more, **fields})
        except EmailTaken:  # another write gave the email to a new contact meanwhile
            found = await author.contacts.reachable_at(email, phone)
            if found is None:
                raise
        else:
            if announce:
                await announce_new_lead(contact)
            return contact, True
    fields = {**lacking_more(found, known.more), **lacking(found, known)}
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


def lacking(contact: Contact, known: Known) -> dict[str, Any]:
    """The fields that complete a known contact with what a provider knows of it."""
    fields: dict[str, Any] = {}
    if known.first_name and not contact.first_name:
        fields["first_name"] = known.first_name
    if known.last_name and not contact.last_name:
        fields["last_name"] = known.last_name
    if known.email and known.email not in contact.emails:
        fields["emails"] = [*contact.emails, known.email]
    if known.phone and known.phone not in contact.phones:
        fields["phones"] = [*contact.phones, known.phone]
    if added := [tag for tag in dict.fromkeys(known.tags) if tag not in contact.tags]:
        fields["tags"] = [*contact.tags, *added]
    return fields


def lacking_more(contact: Contact, more: Mapping[str, Any]) -> dict[str, Any]:
    """Of `more` (other fields as the contacts API names them), what a known contact lacks:
    a field it has no value for, an address's missing parts, custom values it has none for."""
    fields: dict[str, Any] = {}
    for name, value in more.items():
        if name == "address":
            current = contact.address.model_dump() if contact.address else {}
            parts = {part: value for part, value in value.items() if not current.get(part)}
            if parts:
                fields["address"] = {**current, **parts}
        elif name == "custom":
            if custom := {key: item for key, item in value.items() if key not in contact.custom}:
                fields["custom"] = custom
        elif not getattr(contact, name):
            fields[name] = value
    return fields
