"""Every query of the CRM sync's collections: scoped to one account, but for the webhooks'
own accounts and the cron's sweep, which look across accounts."""

from beanie import PydanticObjectId

from shared.models.crm_sync_connection import CrmSyncConnection, ImportStatus
from shared.models.crm_sync_link import CrmSyncLink
from shared.models.crm_sync_log import CrmSyncLogEntry
from shared.models.integration_credential import ConnectionStatus, IntegrationCredential
from shared.utilities.repository import TenantRepository


class SyncRepository:
    def __init__(self, account_id: str | PydanticObjectId, provider: str) -> None:
        self.provider = provider
        self.connections = TenantRepository(CrmSyncConnection, account_id)
        self.links = TenantRepository(CrmSyncLink, account_id)
        self.log = TenantRepository(CrmSyncLogEntry, account_id, sortable=("created_at",))

    @property
    def account_id(self) -> PydanticObjectId:
        return self.connections.account_id

    async def connection(self) -> CrmSyncConnection | None:
        return await self.connections.find_one({"provider": self.provider})

    async def link_of_record(self, external_id: str) -> CrmSyncLink | None:
        return await self.links.find_one({"provider": self.provider, "external_id": external_id})

    async def link_of_contact(self, contact_id: PydanticObjectId) -> CrmSyncLink | None:
        return await self.links.find_one({"provider": self.provider, "contact_id": contact_id})


async def enabled_syncs(account_id: PydanticObjectId) -> list[CrmSyncConnection]:
    """The account's syncs a contact's change is pushed to."""
    return await TenantRepository(CrmSyncConnection, account_id).list({"enabled": True})


async def syncing_accounts(
    credential: type[IntegrationCredential], provider: str, external_account: str
) -> list[PydanticObjectId]:
    """The accounts connected to this CRM account (HubSpot's portal) whose sync is on: a
    webhook naming it is applied to each of them."""
    connected = await credential.find(
        {"external_id": external_account, "status": ConnectionStatus.CONNECTED}
    ).to_list()
    accounts = [credential.account_id for credential in connected]
    syncing = await CrmSyncConnection.find(
        {"account_id": {"$in": accounts}, "provider": provider, "enabled": True}
    ).to_list()
    return [sync.account_id for sync in syncing]


async def is_syncing(account_id: PydanticObjectId, provider: str) -> bool:
    sync = await SyncRepository(account_id, provider).connection()
    return sync is not None and sync.enabled


async def syncs_to_poll() -> list[CrmSyncConnection]:
    """Every enabled sync past its initial import, of every account: the cron's pulls."""
    return await CrmSyncConnection.find(
        {"enabled": True, "import_status": ImportStatus.DONE}
    ).to_list()
