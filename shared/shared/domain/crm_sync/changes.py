"""A contact's change, whoever wrote it, queued for each of the account's CRM syncs
(`crm_sync.push`), but the one it came from (the sync origin marker)."""

from beanie import PydanticObjectId

from shared.domain.crm_sync.origin import written_by_sync_from
from shared.domain.crm_sync.repository import enabled_syncs
from shared.models.contact import Contact
from shared.utilities.outbox import enqueue_job
from shared.utilities.task_names import CRM_SYNC_PUSH


async def contact_changed(contact: Contact) -> None:
    origin = written_by_sync_from()
    for sync in await enabled_syncs(contact.account_id):
        if sync.provider != origin:
            push_later(contact.account_id, sync.provider, contact)


def push_later(account_id: PydanticObjectId, provider: str, contact: Contact) -> None:
    enqueue_job(
        CRM_SYNC_PUSH, account_id=str(account_id), provider=provider, contact_id=str(contact.id)
    )
