"""Writing a batch of contacts (a chunk of an import) with the rules and effects of
`writing.create_contact`, in a bounded number of queries per batch whatever its size: one for
the custom fields it names, one for its owners, one for the emails (and phones) it holds, one
insert of its contacts and one of their activity, then an event per contact for the webhooks,
the automations watching the tags added, and one `contacts:changed` summary for the dashboards
instead of an event per contact.

Each row stands alone: it becomes a contact (or, with `update_existing`, changes the live
contact holding one of its emails or phones) or is refused with its error; the others go on.
With a `touch` (an import's), each contact the batch makes records it as its lead, in one
insert; a contact it only updates is no new touch.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeAlias

from beanie import PydanticObjectId

from shared.domain.accounts.users import NotAccountUsers, require_users
from shared.domain.activities.live import announce_contacts
from shared.domain.activities.recording import changes_between
from shared.domain.activities.repository import ActivityRepository
from shared.domain.automations.firing import fire
from shared.domain.automations.repository import AutomationRepository
from shared.domain.contacts import checks
from shared.domain.contacts.effects import snapshot
from shared.domain.contacts.errors import EmailTaken
from shared.domain.contacts.events import publish_contact_event
from shared.domain.contacts.normalising import context_for, normalised
from shared.domain.contacts.tags import ensure_tags
from shared.domain.contacts.writing import Author, assign, derive, update_contact
from shared.domain.leads.recording import Touch, record_new_contacts
from shared.models.contact import Contact
from shared.models.crm_log import CrmLog
from shared.utilities.errors import DomainError

# Per row: the contact written, or why the row was refused.
Outcome: TypeAlias = Contact | DomainError
TAG_ADDED = "contact.tag_added"


@dataclass
class Batch:
    author: Author
    rows: Sequence[Mapping[str, Any]]
    outcomes: list[Outcome | None] = field(default_factory=list)
    # The rows still going, by index: the new contact and its normalised values.
    going: dict[int, tuple[Contact, dict[str, Any]]] = field(default_factory=dict)

    def refuse(self, index: int, error: DomainError) -> None:
        self.outcomes[index] = error
        self.going.pop(index, None)


async def write_contacts(
    author: Author,
    rows: Sequence[Mapping[str, Any]],
    *,
    update_existing: bool = False,
    touch: Touch | None = None,
) -> list[Outcome]:
    """Each row's outcome, in order. Fields are named as in `create_contact`."""
    batch = Batch(author, rows, [None] * len(rows))
    await settle_all(batch)
    holders = await holders_of(batch, update_existing)
    updated = [
        contact
        for index, holder in holders.items()
        if (contact := await update_holder(batch, index, holder)) is not None
    ]
    created = await insert_new(batch)
    if touch is not None:
        await record_new_contacts(created, touch)
    announce_contacts(author.account_id, "created", [contact.id for contact in created])
    announce_contacts(author.account_id, "updated", [contact.id for contact in updated])
    outcomes = [outcome for outcome in batch.outcomes if outcome is not None]
    assert len(outcomes) == len(rows), "every row has its outcome"
    return outcomes


async def settle_all(batch: Batch) -> None:
    """Each row normalised and shaped as a contact, then its owner and followers checked."""
    author = batch.author
    context = await context_for(author.account_id, author.phone_region, batch.rows)
    for index, fields in enumerate(batch.rows):
        contact = Contact(account_id=author.account_id, owner_id=author.user_id)
        try:
            values = normalised(fields, context, contact)
            assign(contact, values)
            checks.check_shape(contact)
            if "follower_ids" in values:
                await checks.check_users(contact, ["follower_ids"])
            if "business_id" in values:
                await checks.link_business(author.contacts, contact)
        except DomainError as error:
            batch.refuse(index, error)
            continue
        batch.going[index] = (contact, values)
    await check_owners(batch)


async def check_owners(batch: Batch) -> None:
    """One check per distinct owner (an import has one: its creator)."""
    owners = {contact.owner_id for contact, _ in batch.going.values() if contact.owner_id}
    refused: dict[PydanticObjectId, DomainError] = {}
    for owner in owners:
        try:
            await require_users(batch.author.account_id, [str(owner)], "owner_id")
        except NotAccountUsers as error:
            refused[owner] = error
    for index, (contact, _) in list(batch.going.items()):
        if contact.owner_id in refused:
            batch.refuse(index, refused[contact.owner_id])


async def holders_of(batch: Batch, update_existing: bool) -> dict[int, Contact]:
    """The live contacts already holding a row's emails (or, to update, its phones), by row:
    to update, or refused as duplicates. A row repeating an email of an earlier row of the
    batch is refused too, as the earlier one is not stored yet."""
    indexes = list(batch.going)
    contacts = [batch.going[index][0] for index in indexes]
    clashes = await checks.emails_taken(batch.author.contacts, contacts)
    holders = {indexes[at]: holder for at, (holder, _) in clashes.items()}
    if update_existing:
        phones = await phone_holders(batch.author, contacts)
        for at, holder in phones.items():
            holders.setdefault(indexes[at], holder)
        # One object per contact, so two rows matching it both change what is saved.
        same: dict[Any, Contact] = {}
        holders = {index: same.setdefault(held.id, held) for index, held in holders.items()}
    seen: dict[str, int] = {}
    for index in indexes:
        contact = batch.going[index][0]
        if index in holders and not update_existing:
            taken = sorted(set(contact.emails) & set(holders[index].emails))
            batch.refuse(index, email_taken(holders[index], taken))
            continue
        if repeated := sorted(email for email in contact.emails if email in seen):
            batch.refuse(
                index,
                EmailTaken(
                    f"An earlier row of the file already has {', '.join(repeated)}.",
                    details=[{"field": "emails", "emails": repeated}],
                ),
            )
            continue
        seen.update(dict.fromkeys(contact.emails, index))
    return {index: holder for index, holder in holders.items() if index in batch.going}


async def phone_holders(author: Author, contacts: Sequence[Contact]) -> dict[int, Contact]:
    phones = {phone for contact in contacts for phone in contact.phones}
    if not phones:
        return {}
    holders = await author.contacts.whole_account().holding_phones(phones)
    found = {}
    for at, contact in enumerate(contacts):
        holder = next((held for held in holders if set(held.phones) & set(contact.phones)), None)
        if holder is not None:
            found[at] = holder
    return found


def email_taken(holder: Contact, taken: list[str]) -> EmailTaken:
    return EmailTaken(
        f"Contact {holder.id} already has {', '.join(taken)}.",
        details=[{"field": "emails", "contact_id": str(holder.id), "emails": taken}],
    )


async def update_holder(batch: Batch, index: int, holder: Contact) -> Contact | None:
    """The row's fields written onto the contact it matched, through the one update path."""
    try:
        contact = await update_contact(batch.author, holder, batch.rows[index], announce=False)
    except DomainError as error:
        batch.refuse(index, error)
        return None
    batch.outcomes[index] = contact
    batch.going.pop(index)
    return contact


async def insert_new(batch: Batch) -> list[Contact]:
    """The rows left, inserted at once, with their effects."""
    author = batch.author
    contacts = [contact for contact, _ in batch.going.values()]
    if not contacts:
        return []
    await ensure_tags(author.account_id, {tag for contact in contacts for tag in contact.tags})
    for contact in contacts:
        derive(contact)
        contact.id = PydanticObjectId()  # insert_many leaves ids unset; the activity needs them
    await author.contacts.insert_many(contacts)
    entries = [
        CrmLog(
            account_id=author.account_id,
            entity_type="contact",
            entity_id=contact.id,
            action="created",
            actor_id=author.user_id,
            changes=changes_between({}, snapshot(contact)),
        )
        for contact in contacts
    ]
    await ActivityRepository(author.account_id).insert_many(entries)
    for contact, entry in zip(contacts, entries, strict=True):
        publish_contact_event(author.account_id, "created", contact, entry.changes)
    await fire_tag_automations(author.account_id, contacts)
    for index, (contact, _) in list(batch.going.items()):
        batch.outcomes[index] = contact
    batch.going.clear()
    return contacts


async def fire_tag_automations(account_id: PydanticObjectId, contacts: Sequence[Contact]) -> None:
    """`contact.tag_added` for each tag of each new contact that a rule watches: one look per
    distinct tag for the rules, then the runs of the contacts that have one."""
    rules = AutomationRepository(account_id)
    watched = {
        tag
        for tag in {tag for contact in contacts for tag in contact.tags}
        if await rules.watching(TAG_ADDED, {"tag": tag})
    }
    for contact in contacts:
        assert contact.id is not None, "an inserted contact"
        for tag in contact.tags:
            if tag in watched:
                await fire(account_id, TAG_ADDED, {"tag": tag}, "contact", contact.id)
