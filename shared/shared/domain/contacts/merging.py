"""Merging a duplicate into the contact that survives.

The survivor keeps its own values and takes the other's where it has none; emails, phones,
tags and followers are unioned. What pointed at the merged contact points at the survivor
afterwards (`repository.REFERENCES`), and the merged contact is soft-deleted with
`merged_into`. Both changes are recorded; the account hears one `contacts:changed` summary.
"""

from shared.domain.activities.live import announce_contacts
from shared.domain.activities.recording import changes_between
from shared.domain.contacts.effects import recorded, snapshot
from shared.domain.contacts.errors import UnmergeableContacts
from shared.domain.contacts.writing import Author, derive, refresh_company, refuse_deleted
from shared.models.base import utc_now
from shared.models.contact import Contact, ContactType
from shared.models.crm_log import FieldChange
from shared.utilities import db

FILLED_FROM_THE_OTHER = (
    "first_name",
    "last_name",
    "name",
    "address",
    "website",
    "source",
    "owner_id",
    "business_id",
    "company_name",
)
UNIONED = ("emails", "phones", "tags", "follower_ids")


async def merge_contacts(author: Author, survivor: Contact, merged: Contact) -> Contact:
    """`survivor` takes `merged` in; both loaded through `author.contacts`, both live."""
    if survivor.id == merged.id:
        raise UnmergeableContacts(
            "A contact cannot be merged into itself.",
            details=[{"field": "contact_id", "message": "the same contact"}],
        )
    refuse_deleted(survivor)
    refuse_deleted(merged)
    if survivor.type != merged.type:
        raise UnmergeableContacts(
            f"A {merged.type} cannot be merged into a {survivor.type}.",
            details=[{"field": "contact_id", "message": f"not a {survivor.type}"}],
        )
    assert survivor.id is not None and merged.id is not None, "stored contacts"
    before = snapshot(survivor)
    take_from(survivor, merged)
    # The merged contact is deleted first so its emails, now the survivor's, are free.
    merged.deleted_at, merged.merged_into = utc_now(), survivor.id
    # One transaction on a replica set: the contacts, what pointed at the merged one and the
    # activity change together.
    async with db.transaction():
        await merged.save()
        await survivor.save()
        await author.contacts.whole_account().repoint(merged.id, survivor.id)
        if survivor.type == ContactType.BUSINESS:
            await refresh_company(author, survivor)
        merged_from = FieldChange(field="merged_from", old=None, new=str(merged.id))
        changes = [*changes_between(before, snapshot(survivor)), merged_from]
        await recorded(author.user_id, survivor, "merged", changes, announce=False)
        merged_into = FieldChange(field="merged_into", old=None, new=str(survivor.id))
        await recorded(author.user_id, merged, "merged", [merged_into], announce=False)
    announce_contacts(author.account_id, "merged", [survivor.id, merged.id])
    return survivor


def take_from(survivor: Contact, merged: Contact) -> None:
    for name in FILLED_FROM_THE_OTHER:
        if getattr(survivor, name) is None:
            setattr(survivor, name, getattr(merged, name))
    for name in UNIONED:
        union = dict.fromkeys([*getattr(survivor, name), *getattr(merged, name)])
        setattr(survivor, name, list(union))
    keys = {value.field for value in survivor.custom_values}
    survivor.custom_values += [value for value in merged.custom_values if value.field not in keys]
    derive(survivor)
