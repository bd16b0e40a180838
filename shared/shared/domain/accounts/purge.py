"""Purging the accounts deleted longer ago than the restore period: every tenant document of
the account (each model of `ALL_MODELS` that is a `TenantDocument`, so a new collection is
purged without being named here), in batches, then the account itself.

Safe to stop anywhere and to run twice: the account document goes last and only while it is
still deleted, so one stopped half-way is found and finished by the next run, and a second run
finds nothing left. Restoring is refused past the restore period (`lifecycle.RESTORE`, in the
same write), so no account is restored while it is purged.
"""

from beanie import PydanticObjectId

from shared.domain.accounts import repository
from shared.domain.accounts.lifecycle import RESTORE_PERIOD
from shared.models import ALL_MODELS
from shared.models.account import AccountStatus
from shared.models.base import TenantDocument, utc_now

# Documents deleted at once, and accounts purged per run.
DOCUMENTS_PER_BATCH = 1000
ACCOUNTS_PER_RUN = 20

TENANT_MODELS: list[type[TenantDocument]] = [
    model for model in ALL_MODELS if issubclass(model, TenantDocument)
]


async def purge_expired() -> int:
    """Purge up to ACCOUNTS_PER_RUN accounts deleted more than RESTORE_PERIOD ago, those
    deleted longest ago first; returns how many."""
    expired = await repository.accounts_in_status_since_before(
        AccountStatus.DELETED, utc_now() - RESTORE_PERIOD, ACCOUNTS_PER_RUN
    )
    for account in expired:
        assert account.id is not None, "a stored account"
        await purge(account.id)
    return len(expired)


async def purge(account_id: PydanticObjectId) -> None:
    for model in TENANT_MODELS:
        while ids := await repository.tenant_document_ids(model, account_id, DOCUMENTS_PER_BATCH):
            await repository.delete_by_ids(model, ids)
    await repository.delete_deleted_account(account_id)
