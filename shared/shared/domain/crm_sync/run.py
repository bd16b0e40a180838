"""One sync run's context: the account's sync settings, its CRM adapter, the platform as the
contacts' author, and the log every record's outcome is written to."""

from dataclasses import dataclass

from beanie import PydanticObjectId

from shared.domain.contacts.writing import Author
from shared.domain.crm_sync.adapter import CrmAdapter
from shared.domain.crm_sync.errors import SyncNotSetUp
from shared.domain.crm_sync.repository import SyncRepository
from shared.models.contact import Contact
from shared.models.crm_sync_connection import CrmSyncConnection
from shared.models.crm_sync_link import CrmSyncLink
from shared.models.crm_sync_log import SyncDirection, SyncOutcome


@dataclass
class SyncRun:
    adapter: CrmAdapter
    author: Author  # the platform, in the account's phone region
    connection: CrmSyncConnection
    repository: SyncRepository

    @classmethod
    async def start(cls, adapter: CrmAdapter, author: Author) -> "SyncRun":
        repository = SyncRepository(author.account_id, adapter.provider)
        connection = await repository.connection()
        if connection is None:
            raise SyncNotSetUp(f"The account has not set up its {adapter.provider} sync.")
        return cls(adapter, author, connection, repository)

    @property
    def provider(self) -> str:
        return self.adapter.provider

    @property
    def field_map(self) -> dict[str, str]:
        return self.connection.field_map or self.adapter.default_field_map

    async def contact_of(self, link: CrmSyncLink | None) -> Contact | None:
        """The linked contact, deleted or not."""
        if link is None:
            return None
        return await self.author.contacts.whole_account().find_by_id(link.contact_id)

    async def logged(
        self,
        direction: SyncDirection,
        outcome: SyncOutcome,
        external_id: str = "",
        contact_id: PydanticObjectId | None = None,
        detail: str = "",
    ) -> SyncOutcome:
        await self.repository.log.create(
            provider=self.provider,
            direction=direction,
            outcome=outcome,
            external_id=external_id,
            contact_id=contact_id,
            detail=detail[:500],
        )
        return outcome
