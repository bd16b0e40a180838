"""Every query of the recordings: the account's key for a provider (CallRail, CTM)."""

from typing import TypeVar

from shared.models.integration_credential import ApiKeyCredential
from shared.utilities.repository import TenantRepository

KeyT = TypeVar("KeyT", bound=ApiKeyCredential)


async def the_key(model: type[KeyT], account_id: str) -> KeyT | None:
    """The account's key: it holds one at most (a unique index)."""
    return await TenantRepository(model, account_id).find_one({})
