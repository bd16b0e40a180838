"""Every query of the CRM sync's collections, scoped to one account."""

from beanie import PydanticObjectId

from shared.models.crm_sync_connection import CrmSyncConnection
from shared.models.crm_sync_link import CrmSyncLink
from shared.models.crm_sync_log import CrmSyncLogEntry
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
