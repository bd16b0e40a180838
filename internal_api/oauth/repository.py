"""Every query of the oauth module: an account's apps, grants and API keys (tenant-scoped), and,
for the protocol, an app by its client id, codes and tokens stored, found by hash and claimed
once each by a conditional write."""

from datetime import datetime

from beanie import PydanticObjectId

from shared.models.api_app import ApiApp
from shared.models.api_authorization_code import ApiAuthorizationCode
from shared.models.api_grant import ApiGrant
from shared.models.api_key import ApiKey
from shared.models.api_token import ApiToken
from shared.models.base import utc_now
from shared.utilities.repository import TenantRepository


class AppRepository(TenantRepository[ApiApp]):
    """The apps an account registered (deleted ones are gone from every query)."""

    noun = "App"
    sortable = frozenset({"created_at", "updated_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ApiApp, account_id, visibility={"deleted_at": None})


class GrantRepository(TenantRepository[ApiGrant]):
    """The apps installed on an account; with `user_id`, only those that user installed."""

    noun = "Grant"
    sortable = frozenset({"created_at", "last_used_at"})

    def __init__(
        self, account_id: str | PydanticObjectId, user_id: str | PydanticObjectId | None = None
    ) -> None:
        mine = {"user_id": PydanticObjectId(user_id)} if user_id else None
        super().__init__(ApiGrant, account_id, visibility=mine)

    async def live(self, app_id: PydanticObjectId, user_id: PydanticObjectId) -> ApiGrant | None:
        return await self.find_one({"app_id": app_id, "user_id": user_id, "revoked_at": None})

    async def renew(self, grant: ApiGrant, scopes: list[str]) -> None:
        await grant.set({ApiGrant.scopes: scopes})


class KeyRepository(TenantRepository[ApiKey]):
    """A user's API keys in an account: nobody else's are found."""

    noun = "API key"
    sortable = frozenset({"created_at", "expires_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId, user_id: str | PydanticObjectId) -> None:
        super().__init__(ApiKey, account_id, visibility={"user_id": PydanticObjectId(user_id)})

    async def revoke(self, key: ApiKey) -> None:
        if key.revoked_at is None:
            await key.set({ApiKey.revoked_at: utc_now()})


async def app_by_client_id(client_id: str) -> ApiApp | None:
    return await ApiApp.find_one({"client_id": client_id, "deleted_at": None})


async def delete_app(app: ApiApp) -> None:
    await app.set({ApiApp.deleted_at: utc_now()})


async def insert_code(code: ApiAuthorizationCode) -> None:
    await code.insert()


async def code_by_hash(code_hash: str) -> ApiAuthorizationCode | None:
    return await ApiAuthorizationCode.find_one({"code_hash": code_hash})


async def claim_code(code: ApiAuthorizationCode) -> bool:
    """Marks the code used, once: of two exchanges of one code, one answers True."""
    now = utc_now()
    claimed = await ApiAuthorizationCode.find_one({"_id": code.id, "used_at": None}).update(
        {"$set": {"used_at": now, "updated_at": now}}
    )
    return bool(claimed) and claimed.modified_count == 1


async def insert_token(token: ApiToken) -> None:
    await token.insert()


async def claim_rotation(token: ApiToken) -> bool:
    """Marks the refresh token used, once, while it is live: of two refreshes with one refresh
    token, one answers True."""
    now = utc_now()
    live = {"_id": token.id, "rotated_at": None, "revoked_at": None}
    claimed = await ApiToken.find_one(live).update({"$set": {"rotated_at": now, "updated_at": now}})
    return bool(claimed) and claimed.modified_count == 1


async def revoke_token(token: ApiToken, now: datetime) -> None:
    await ApiToken.find_one({"_id": token.id}).update(
        {"$set": {"revoked_at": now, "updated_at": now}}
    )
