"""Writing one contact: create, change, delete, restore. Every write normalises the fields
given (`normalising`), checks the contact (`checks`), ensures its tags, keeps its search terms
and sort key, and leaves its `effects` (activity, live update, webhook event, automations).

An `Author` writes: a user, or the platform itself (an import, a provider's webhook), with the
contacts it sees and the account's phone region:

    author = Author(ContactRepository(account_id, visibility), user_id, locale.phone_region)
    contact = await create_contact(author, {"first_name": "Ada", "emails": ["ada@example.com"]})
    await update_contact(author, contact, {"tags": ["vip"]})

Functions that change a contact take it loaded (through `author.contacts`, so a hidden one has
already answered 404).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from beanie import PydanticObjectId

from shared.domain.accounts import repository as accounts
from shared.domain.accounts.locale import locale_of
from shared.domain.activities.recording import changes_between
from shared.domain.contacts import checks
from shared.domain.contacts.custom_values import merged_custom
from shared.domain.contacts.effects import recorded, snapshot
from shared.domain.contacts.errors import ContactDeleted, ContactMerged
from shared.domain.contacts.normalising import context_for, normalised
from shared.domain.contacts.repository import ContactRepository
from shared.domain.contacts.tags import ensure_tags
from shared.models.base import utc_now
from shared.models.contact import Contact, ContactType
from shared.models.crm_log import FieldChange
from shared.utilities.contact_search import search_terms, sort_name
from shared.utilities.settings import ServiceSettings


@dataclass(frozen=True)
class Author:
    """Who writes contacts: a user (`user_id`) or the platform (None); the contacts it sees
    (a business is linked only to one of them); the country of phone numbers written without a
    country code, when the contact's address names none."""

    contacts: ContactRepository
    user_id: PydanticObjectId | None
    phone_region: str

    @property
    def account_id(self) -> PydanticObjectId:
        return self.contacts.account_id

    @classmethod
    def platform(cls, account_id: str | PydanticObjectId, phone_region: str) -> "Author":
        return cls(ContactRepository(account_id), None, phone_region)


async def platform_author(account_id: PydanticObjectId, settings: ServiceSettings) -> Author:
    """The platform writing an account's contacts, in the account's phone region."""
    locale = locale_of(await accounts.account(account_id), settings)
    return Author.platform(account_id, locale.phone_region)


async def create_contact(author: Author, fields: Mapping[str, Any]) -> Contact:
    """A new contact, owned by the user creating it unless the fields name another owner."""
    contact = Contact(account_id=author.account_id, owner_id=author.user_id)
    await settle(author, contact, fields)
    await contact.insert()
    await recorded(author.user_id, contact, "created", changes_between({}, snapshot(contact)))
    return contact


async def update_contact(
    author: Author, contact: Contact, fields: Mapping[str, Any], *, announce: bool = True
) -> Contact:
    """Only the fields given change; null clears one; `custom` changes only the keys it names.
    A contact is saved, and its change recorded, only when something changed (pushed live
    unless `announce` is False: a batch announces its changes once)."""
    refuse_deleted(contact)
    before = snapshot(contact)
    await settle(author, contact, fields)
    changes = changes_between(before, snapshot(contact))
    if changes:
        await contact.save()
        await recorded(author.user_id, contact, "updated", changes, announce=announce)
        if contact.type == ContactType.BUSINESS and before["name"] != contact.name:
            await refresh_company(author, contact)
    return contact


async def delete_contact(author: Author, contact: Contact, *, announce: bool = True) -> None:
    """A soft delete: the contact leaves lists and can be restored. Deleting twice is a no-op."""
    if contact.deleted_at:
        return
    contact.deleted_at = utc_now()
    await contact.save()
    deleted = FieldChange(field="deleted_at", old=None, new=contact.deleted_at.isoformat())
    await recorded(author.user_id, contact, "deleted", [deleted], announce=announce)


async def restore_contact(author: Author, contact: Contact) -> Contact:
    """Back in lists, unless it was merged into another contact (`ContactMerged`) or its
    emails have been given to another contact meanwhile (`EmailTaken`)."""
    if contact.merged_into:
        raise ContactMerged(f"Contact {contact.id} was merged into {contact.merged_into}.")
    if contact.deleted_at:
        await checks.check_emails_free(author.contacts, contact)
        restored = FieldChange(field="deleted_at", old=contact.deleted_at.isoformat(), new=None)
        contact.deleted_at = None
        await contact.save()
        await recorded(author.user_id, contact, "restored", [restored])
    return contact


def refuse_deleted(contact: Contact) -> None:
    if contact.deleted_at:
        raise ContactDeleted(f"Contact {contact.id} is deleted; restore it first.")


async def settle(author: Author, contact: Contact, fields: Mapping[str, Any]) -> None:
    """Sets the fields given on the contact, each normalised, then checks it as a whole and
    keeps what derives from it (tags ensured, company name, search terms, sort key)."""
    context = await context_for(author.account_id, author.phone_region, [fields])
    values = normalised(fields, context, contact)
    assign(contact, values)
    await checks.check_users(contact, list(values))
    if "business_id" in values:
        await checks.link_business(author.contacts, contact)
    checks.check_shape(contact)
    if "emails" in values:
        await checks.check_emails_free(author.contacts, contact)
    await ensure_tags(author.account_id, values.get("tags", []))
    derive(contact)


def assign(contact: Contact, values: Mapping[str, Any]) -> None:
    """Normalised values set on the contact; `custom` merged into its custom values by key."""
    for name, value in values.items():
        if name == "custom":
            contact.custom_values = merged_custom(contact.custom_values, value)
        else:
            setattr(contact, name, value)


def derive(contact: Contact) -> None:
    """What is kept from the contact's fields, for search and sorting."""
    contact.search_terms = search_terms(contact)
    contact.sort_name = sort_name(contact)


async def refresh_company(author: Author, business: Contact) -> None:
    """The people linked to a business carry its name (for search and lists): rewritten on
    every linked person of the account, whoever can see them, when the name changes."""
    assert business.id is not None, "a stored business"
    for person in await author.contacts.whole_account().linked_to(business.id):
        person.company_name = business.name
        derive(person)
        await person.save()
