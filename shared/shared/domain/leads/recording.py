"""The one write path of leads."""

from shared.models.contact import Contact
from shared.models.lead import Attribution, Lead, LeadSource


async def record_lead(
    contact: Contact,
    source: LeadSource,
    *,
    new_contact: bool,
    source_ref: str | None = None,
    attribution: Attribution | None = None,
) -> Lead:
    """A touch of the contact's, from `source` (through `source_ref`), stored."""
    lead = Lead(
        account_id=contact.account_id,
        contact_id=contact.id,
        source=source,
        source_ref=source_ref,
        attribution=attribution or Attribution(),
        new_contact=new_contact,
    )
    await lead.insert()
    return lead
