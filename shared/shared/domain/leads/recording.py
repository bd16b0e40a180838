"""The one write path of leads: `record_lead` (or `record_touch`, the same from a `Touch`) for
one contact's touch, `record_new_contacts` for a batch of contacts one touch made (an import).

A side path that finds or makes the contact itself describes the touch as a `Touch` and hands
it to the contact write path (`contact_for(..., touch=...)`, `write_contacts(..., touch=...)`),
which records it once it knows whether the contact is new. A touch with the provider's own id
(`touch_id`: the lead-ad lead, the call, the message) is recorded once per account however often
its webhook runs: the run again finds the lead the first one stored, `new_contact` and all.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.domain.leads.repository import LeadRepository
from shared.models.contact import Contact
from shared.models.lead import Attribution, Lead, LeadSource


@dataclass(frozen=True)
class Touch:
    """A person reaching the account through `source` (via `source_ref`), as the side path saw
    it, before it is known which contact they are."""

    source: LeadSource
    source_ref: str | None = None
    attribution: Attribution | None = None
    touch_id: str | None = None  # the provider's id of the touch, to record it once


def touch_key(account_id: PydanticObjectId, source: LeadSource, touch_id: str | None) -> str | None:
    return f"{account_id}:{source.value}:{touch_id}" if touch_id else None


async def record_lead(
    contact: Contact,
    source: LeadSource,
    *,
    new_contact: bool,
    source_ref: str | None = None,
    attribution: Attribution | None = None,
    touch_id: str | None = None,
) -> Lead:
    """A touch of the contact's, from `source` (through `source_ref`), stored; with a
    `touch_id`, the lead stored for it already when there is one."""
    touch = Touch(source, source_ref, attribution, touch_id)
    return await record_touch(contact, touch, new_contact=new_contact)


async def record_touch(contact: Contact, touch: Touch, *, new_contact: bool) -> Lead:
    lead = lead_of(contact, touch, new_contact)
    leads = LeadRepository(contact.account_id)
    if lead.touch_key and (stored := await leads.by_touch_key(lead.touch_key)):
        return stored
    try:
        await lead.insert()
    except DuplicateKeyError:  # the same webhook, run twice at once, stored it first
        assert lead.touch_key is not None, "only a touch key is unique"
        stored = await leads.by_touch_key(lead.touch_key)
        assert stored is not None, "a duplicate key means it is stored"
        return stored
    return lead


async def record_new_contacts(contacts: Sequence[Contact], touch: Touch) -> None:
    """A lead for each contact the touch made, in one insert (a chunk of an import's contacts,
    all of one account). A touch with one id cannot stand for many people."""
    assert touch.touch_id is None, "a batch's touch has no id of its own"
    if contacts:
        leads = [lead_of(contact, touch, new_contact=True) for contact in contacts]
        await LeadRepository(contacts[0].account_id).insert_many(leads)


def lead_of(contact: Contact, touch: Touch, new_contact: bool) -> Lead:
    assert contact.id is not None, "a stored contact"
    return Lead(
        account_id=contact.account_id,
        contact_id=contact.id,
        source=touch.source,
        source_ref=touch.source_ref,
        attribution=touch.attribution or Attribution(),
        new_contact=new_contact,
        touch_key=touch_key(contact.account_id, touch.source, touch.touch_id),
    )
