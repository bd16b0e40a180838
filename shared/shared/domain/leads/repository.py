"""Every query on leads that more than one process makes: leads stored in one go, a touch
already recorded, and a contact's touches (first, last, how many, on the `(account_id,
contact_id, created_at)` index)."""

from dataclasses import dataclass

from beanie import PydanticObjectId

from shared.models.lead import Lead
from shared.utilities.repository import TenantRepository


@dataclass(frozen=True)
class Touches:
    """How a contact reached the account: their first and last lead, and how many."""

    count: int
    first: Lead | None
    last: Lead | None


class LeadRepository(TenantRepository[Lead]):
    noun = "Lead"
    sortable = frozenset({"created_at"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(Lead, account_id)

    async def insert_many(self, leads: list[Lead]) -> None:
        """Many leads of this account in one round trip (a chunk of an import)."""
        if leads:
            assert all(lead.account_id == self.account_id for lead in leads)
            await Lead.insert_many(leads)

    async def by_touch_key(self, key: str) -> Lead | None:
        return await self.find_one({"touch_key": key})

    async def touches_of(self, contact_id: PydanticObjectId) -> Touches:
        of_contact = {"contact_id": contact_id}
        first = await self.list(of_contact, limit=1, sort="created_at")
        last = await self.list(of_contact, limit=1, sort="-created_at")
        count = await self.count(of_contact)
        return Touches(count, first[0] if first else None, last[0] if last else None)
