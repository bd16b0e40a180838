"""A CRM's record applied to the platform, through the contact write path:

- the same mapped values as at the last sync (the echo of the sync's own push): nothing written;
- deleted in the CRM: the contact deleted too, or kept, as the account chose;
- changed on both sides since the last sync: settled by the account's conflict policy (the
  platform's version wins, or the later modification time does); a platform win is pushed back;
- otherwise the linked contact updated, or one made (or found by email) and linked.
"""

from shared.domain.contacts.writing import create_contact, delete_contact, update_contact
from shared.domain.crm_sync.adapter import CrmRecord
from shared.domain.crm_sync.changes import push_later
from shared.domain.crm_sync.links import keep_link, unchanged_since_sync
from shared.domain.crm_sync.mapping import (
    fingerprint,
    incoming_values,
    platform_values,
    to_contact_fields,
)
from shared.domain.crm_sync.origin import writing_from
from shared.domain.crm_sync.run import SyncRun
from shared.models.contact import Contact
from shared.models.crm_sync_connection import ConflictPolicy, DeletionPolicy
from shared.models.crm_sync_link import CrmSyncLink
from shared.models.crm_sync_log import SyncDirection, SyncOutcome
from shared.utilities.errors import DomainError

IN = SyncDirection.INCOMING


async def apply_record(run: SyncRun, record: CrmRecord) -> SyncOutcome:
    """The record's outcome, logged; a record the write path refuses is logged as failed and
    changes nothing."""
    link = await run.repository.link_of_record(record.external_id)
    contact = await run.contact_of(link)
    try:
        if record.deleted:
            return await apply_deletion(run, record, link, contact)
        return await apply_change(run, record, link, contact)
    except DomainError as refused:
        contact_id = contact.id if contact else None
        return await run.logged(
            IN, SyncOutcome.FAILED, record.external_id, contact_id, refused.message
        )


async def apply_change(
    run: SyncRun, record: CrmRecord, link: CrmSyncLink | None, contact: Contact | None
) -> SyncOutcome:
    values = incoming_values(record.fields, run.field_map)
    if link and contact and contact.deleted_at:
        detail = "deleted on the platform; the CRM's change is not applied"
        return await run.logged(
            IN, SyncOutcome.DELETION_KEPT, record.external_id, contact.id, detail
        )
    if link and contact:
        if unchanged_since_sync(link, fingerprint(values)):
            return await run.logged(IN, SyncOutcome.UNCHANGED, record.external_id, contact.id)
        if platform_keeps(run, link, contact, record):
            push_later(run.author.account_id, run.provider, contact)
            detail = "changed on both sides; the platform's version is kept"
            return await run.logged(
                IN, SyncOutcome.CONFLICT_LOST, record.external_id, contact.id, detail
            )
    with writing_from(run.provider):
        if contact is None:
            contact = await matching_contact(run, values) or await create_contact(
                run.author, to_contact_fields(values, None)
            )
            outcome = SyncOutcome.CREATED
        else:
            await update_contact(run.author, contact, to_contact_fields(values, contact))
            outcome = SyncOutcome.UPDATED
    await keep_link(run, link, contact, record)
    return await run.logged(IN, outcome, record.external_id, contact.id)


def platform_keeps(run: SyncRun, link: CrmSyncLink, contact: Contact, record: CrmRecord) -> bool:
    """Whether a CRM change loses to the platform's: only when the contact's mapped fields
    changed since the last sync too, and the policy (or the later time) says so."""
    changed_here = not unchanged_since_sync(
        link, fingerprint(platform_values(contact, run.field_map))
    )
    if not changed_here:
        return False
    if run.connection.conflict_policy is ConflictPolicy.PLATFORM_WINS:
        return True
    return contact.updated_at >= record.modified_at


async def matching_contact(run: SyncRun, values: dict) -> Contact | None:
    """A live contact of the account already holding the record's first email (the initial
    import pairs it rather than duplicating it), when it is not linked to another record."""
    email = values.get("emails.0")
    if not email:
        return None
    found = await run.author.contacts.whole_account().reachable_at(str(email).lower(), None)
    if found is None or found.id is None or await run.repository.link_of_contact(found.id):
        return None
    await update_contact(run.author, found, to_contact_fields(values, found))
    return found


async def apply_deletion(
    run: SyncRun, record: CrmRecord, link: CrmSyncLink | None, contact: Contact | None
) -> SyncOutcome:
    if link is None or contact is None or contact.deleted_at:
        return await run.logged(IN, SyncOutcome.UNCHANGED, record.external_id)
    if run.connection.deletions is DeletionPolicy.KEEP:
        detail = "deleted in the CRM; the contact is kept"
        return await run.logged(
            IN, SyncOutcome.DELETION_KEPT, record.external_id, contact.id, detail
        )
    with writing_from(run.provider):
        await delete_contact(run.author, contact)
    await link.delete()
    return await run.logged(IN, SyncOutcome.DELETED, record.external_id, contact.id)
