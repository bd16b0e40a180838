"""Every query of the list syncs and their members, scoped to one account."""

from collections.abc import Iterable, Mapping
from typing import Any

from beanie import PydanticObjectId

from shared.models.email_list_sync import EmailListMember, EmailListSync, MemberStatus
from shared.utilities.repository import TenantRepository


class ListSyncRepository(TenantRepository[EmailListSync]):
    noun = "List sync"

    def __init__(self, account_id: str | PydanticObjectId, provider: str) -> None:
        super().__init__(EmailListSync, account_id)
        self.provider = provider

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**super().scoped(filters), "provider": self.provider}

    async def create(self, **fields: Any) -> EmailListSync:
        return await super().create(**fields, provider=self.provider)

    async def of_list(self, list_id: str) -> EmailListSync | None:
        return await self.find_one({"list_id": list_id})


async def syncs_of_tags(account_id: PydanticObjectId, tags: Iterable[str]) -> list[EmailListSync]:
    """The account's list syncs (whatever their provider) of any of these tags."""
    of_tags = {"account_id": account_id, "tag": {"$in": sorted(tags)}}
    return await EmailListSync.find(of_tags).to_list()


async def syncs_of_providers(providers: Iterable[str]) -> list[EmailListSync]:
    """Every list of these providers, of every account."""
    return await EmailListSync.find({"provider": {"$in": list(providers)}}).to_list()


class MemberRepository(TenantRepository[EmailListMember]):
    def __init__(self, sync: EmailListSync) -> None:
        super().__init__(EmailListMember, sync.account_id)
        self.sync_id = sync.id

    def scoped(self, filters: Mapping[str, Any] | None = None) -> dict[str, Any]:
        return {**super().scoped(filters), "sync_id": self.sync_id}

    async def by_email(self, emails: Iterable[str] | None = None) -> dict[str, EmailListMember]:
        """The members with these addresses (all of them when None), by address."""
        filters = None if emails is None else {"email": {"$in": list(emails)}}
        return {member.email: member for member in await self.list(filters, limit=0)}

    async def keep(self, email: str, status: MemberStatus, fields_hash: str) -> None:
        member = await self.find_one({"email": email})
        if member is None:
            await self.create(
                sync_id=self.sync_id, email=email, status=status, fields_hash=fields_hash
            )
            return
        member.status, member.fields_hash = status, fields_hash
        await member.save()

    async def forget(self, email: str) -> None:
        await EmailListMember.find(self.scoped({"email": email})).delete()

    async def forget_all(self) -> None:
        await EmailListMember.find(self.scoped()).delete()
