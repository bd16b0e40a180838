"""Every query of the recordings: the account's CallRail key."""

from shared.models.callrail_key import CallrailKey
from shared.utilities.repository import TenantRepository


class CallrailKeyRepository(TenantRepository[CallrailKey]):
    def __init__(self, account_id: str) -> None:
        super().__init__(CallrailKey, account_id)

    async def the_key(self) -> CallrailKey | None:
        """The account's key: it holds one at most (a unique index)."""
        return await self.find_one({})
