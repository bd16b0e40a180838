"""Every query of the recordings: the account's key for a provider (CallRail, CTM)."""

from typing import TypeVar

from shared.models.integration_credential import ApiKeyCredential
from shared.utilities.repository import TenantRepository

KeyT = TypeVar("KeyT", bound=ApiKeyCredential)


class KeyRepository(TenantRepository[KeyT]):
    async def the_key(self) -> KeyT | None:
        """The account's key: it holds one at most (a unique index)."""
        return await self.find_one({})
