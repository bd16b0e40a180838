"""A contact's change pushed to a CRM: created there (and linked) or updated, deleted there
as the account chose, or nothing sent when the mapped fields are as at the last sync (the
echo of a change the sync itself wrote). Under last-writer-wins, a CRM record changed later
than the contact wins instead, and is applied here."""

from beanie import PydanticObjectId

from shared.domain.crm_sync.incoming import apply_record
from shared.domain.crm_sync.links import keep_link, unchanged_since_sync
from shared.domain.crm_sync.mapping import (
    fingerprint,
    incoming_values,
    platform_values,
    to_provider,
)
from shared.domain.crm_sync.run import SyncRun
from shared.models.contact import Contact
from shared.models.crm_sync_connection import ConflictPolicy, DeletionPolicy
from shared.models.crm_sync_link import CrmSyncLink
from shared.models.crm_sync_log import SyncDirection, SyncOutcome
from shared.utilities.errors import Forbidden, InvalidInput, NotFound

OUT = SyncDirection.OUTGOING
# The CRM refusing the record itself (a duplicate email, a bad value): logged, not retried. A
# busy or unreachable CRM, or a refused connection, is raised for the task to retry or stop.
REFUSALS = (InvalidInput, NotFound, Forbidden)


async def push_contact(run: SyncRun, contact_id: str | PydanticObjectId) -> SyncOutcome:
    contact = await run.author.contacts.whole_account().find_by_id(contact_id)
    link = await run.repository.link_of_contact(contact.id) if contact else None
    if contact is None or contact.deleted_at:
        return await push_deletion(run, link, contact)
    values = platform_values(contact, run.field_map)
    if link and unchanged_since_sync(link, fingerprint(values)):
        return await run.logged(OUT, SyncOutcome.UNCHANGED, link.external_id, contact.id)
    if link and await crm_is_newer(run, link, contact):
        detail = "changed on both sides; the CRM's later version is applied"
        return await run.logged(
            OUT, SyncOutcome.CONFLICT_LOST, link.external_id, contact.id, detail
        )
    fields = to_provider(values, run.field_map)
    try:
        if link:
            record = await run.adapter.update(link.external_id, fields)
            outcome = SyncOutcome.UPDATED
        else:
            record = await run.adapter.create(fields)
            outcome = SyncOutcome.CREATED
    except REFUSALS as refused:
        external_id = link.external_id if link else ""
        return await run.logged(OUT, SyncOutcome.FAILED, external_id, contact.id, refused.message)
    await keep_link(run, link, contact, record)
    return await run.logged(OUT, outcome, record.external_id, contact.id)


async def crm_is_newer(run: SyncRun, link: CrmSyncLink, contact: Contact) -> bool:
    """Under last-writer-wins: the CRM's record changed since the last sync, later than the
    contact did (then applied here, which logs its own outcome)."""
    if run.connection.conflict_policy is not ConflictPolicy.LAST_WRITER_WINS:
        return False
    record = await run.adapter.get(link.external_id)
    if record is None:
        return False
    changed_there = not unchanged_since_sync(
        link, fingerprint(incoming_values(record.fields, run.field_map))
    )
    if not changed_there or record.modified_at <= contact.updated_at:
        return False
    await apply_record(run, record)
    return True


async def push_deletion(
    run: SyncRun, link: CrmSyncLink | None, contact: Contact | None
) -> SyncOutcome:
    contact_id = contact.id if contact else None
    if link is None:
        return await run.logged(OUT, SyncOutcome.UNCHANGED, "", contact_id)
    if run.connection.deletions is DeletionPolicy.KEEP:
        detail = "deleted on the platform; the CRM's record is kept"
        return await run.logged(
            OUT, SyncOutcome.DELETION_KEPT, link.external_id, contact_id, detail
        )
    await run.adapter.delete(link.external_id)
    await link.delete()
    return await run.logged(OUT, SyncOutcome.DELETED, link.external_id, contact_id)
