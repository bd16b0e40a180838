"""The cron's sweep: every account's enabled syncs past their initial import, no others."""

from shared.domain.crm_sync.repository import syncs_to_poll
from shared.models.crm_sync_connection import CrmSyncConnection, ImportStatus
from tests.factories import create_account


async def test_the_poll_takes_enabled_imported_syncs_of_every_account(mongo):
    first, second = await create_account(), await create_account(name="Other")
    done = ImportStatus.DONE
    await CrmSyncConnection(account_id=first.id, provider="hubspot", import_status=done).insert()
    await CrmSyncConnection(
        account_id=second.id, provider="salesforce", import_status=done
    ).insert()
    await CrmSyncConnection(account_id=second.id, provider="pipedrive").insert()  # not imported
    await CrmSyncConnection(
        account_id=first.id, provider="pipedrive", import_status=done, enabled=False
    ).insert()

    polled = await syncs_to_poll()

    assert sorted((s.provider, s.account_id) for s in polled) == sorted(
        [("hubspot", first.id), ("salesforce", second.id)]
    )
