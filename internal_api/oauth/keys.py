"""Personal API keys: a user's own credential for scripts, in the active account, with some of
their scopes there, until it expires. Shown once, stored as its SHA-256; revoking it holds
from its next request (the router's cached state is replaced by a tombstone)."""

from datetime import timedelta

from beanie import PydanticObjectId
from redis.asyncio import Redis

from internal_api.extended import Extended
from internal_api.oauth.errors import ScopesNotAllowed
from internal_api.oauth.repository import KeyRepository
from internal_api.oauth.schemas import KeyCreate
from shared.domain.oauth import states
from shared.domain.oauth.credentials import API_KEY_PREFIX, hint, new_credential
from shared.models.api_key import ApiKey
from shared.models.base import utc_now
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput
from shared.utilities.pagination import Page, PageParams
from shared.utilities.secret_tokens import hash_token


def own_keys(principal: Principal) -> KeyRepository:
    return KeyRepository(principal.account_id, principal.sub)


async def create_key(principal: Principal, body: KeyCreate, max_days: int) -> Extended[ApiKey]:
    """The key, with its secret this once. Its scopes are some of the caller's here; at every
    use it is narrowed again to what the caller then holds."""
    beyond = [scope for scope in body.scopes if scope not in principal.scopes]
    if beyond:
        raise ScopesNotAllowed(
            "A key may hold only scopes you hold in this account.",
            details=[{"field": "scopes", "scope": scope} for scope in beyond],
        )
    if body.expires_in_days > max_days:
        raise InvalidInput(details=[{"field": "expires_in_days", "message": f"at most {max_days}"}])
    key = new_credential(API_KEY_PREFIX)
    created = await own_keys(principal).create(
        user_id=PydanticObjectId(principal.sub),
        name=body.name,
        key_hash=hash_token(key),
        hint=hint(key),
        scopes=body.scopes,
        expires_at=utc_now() + timedelta(days=body.expires_in_days),
    )
    return Extended(created, key=key)


async def list_keys(principal: Principal, params: PageParams) -> Page[ApiKey]:
    return await own_keys(principal).paginate(params)


async def revoke_key(principal: Principal, key_id: str, redis: Redis) -> None:
    keys = own_keys(principal)
    key = await keys.get(key_id)
    await keys.revoke(key)
    await states.forget(redis, [key.key_hash])
