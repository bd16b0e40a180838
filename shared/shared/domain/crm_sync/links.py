"""A contact's link to its CRM record, kept after every sync with what both sides now agree on."""

from shared.domain.crm_sync.adapter import CrmRecord
from shared.domain.crm_sync.mapping import fingerprint, incoming_values, platform_values
from shared.domain.crm_sync.run import SyncRun
from shared.models.base import utc_now
from shared.models.contact import Contact
from shared.models.crm_sync_link import CrmSyncLink


async def keep_link(
    run: SyncRun, link: CrmSyncLink | None, contact: Contact, record: CrmRecord
) -> CrmSyncLink:
    """The hash is of the contact as stored (normalised by the write path), so the change the
    sync just wrote does not count as the platform's own next time."""
    synced = {
        "contact_id": contact.id,
        "synced_hash": fingerprint(platform_values(contact, run.field_map)),
        "remote_hash": fingerprint(incoming_values(record.fields, run.field_map)),
        "synced_at": utc_now(),
        "remote_modified_at": record.modified_at,
        "external_id": record.external_id,
    }
    if link is None:
        return await run.repository.links.create(provider=run.provider, **synced)
    for name, value in synced.items():
        setattr(link, name, value)
    await link.save()
    return link


def unchanged_since_sync(link: CrmSyncLink, values_hash: str) -> bool:
    """Whether mapped values (from either side) are what the last sync left."""
    return values_hash in (link.synced_hash, link.remote_hash)
