"""The oauth queries that are not one account's: a credential found by its hash (a token or a
key names its account, not the reverse), a grant or an app by id for the router, and grants
revoked with their tokens. An account's own lists are internal_api's (`internal_api.oauth`)."""

from collections.abc import Iterable
from datetime import datetime

from beanie import PydanticObjectId

from shared.models.api_app import ApiApp
from shared.models.api_grant import ApiGrant
from shared.models.api_key import ApiKey
from shared.models.api_token import ApiToken


async def token_by_access_hash(token_hash: str) -> ApiToken | None:
    return await ApiToken.find_one({"access_token_hash": token_hash})


async def token_by_refresh_hash(token_hash: str) -> ApiToken | None:
    return await ApiToken.find_one({"refresh_token_hash": token_hash})


async def key_by_hash(key_hash: str) -> ApiKey | None:
    return await ApiKey.find_one({"key_hash": key_hash})


async def grant(grant_id: PydanticObjectId) -> ApiGrant | None:
    return await ApiGrant.find_one({"_id": grant_id})


async def app(app_id: PydanticObjectId) -> ApiApp | None:
    return await ApiApp.find_one({"_id": app_id, "deleted_at": None})


async def mark_grant_used(grant_id: PydanticObjectId, now: datetime) -> None:
    await ApiGrant.find_one({"_id": grant_id}).update({"$set": {"last_used_at": now}})


async def mark_key_used(key_id: PydanticObjectId, now: datetime) -> None:
    await ApiKey.find_one({"_id": key_id}).update({"$set": {"last_used_at": now}})


async def live_grant_ids_of_app(app_id: PydanticObjectId) -> list[PydanticObjectId]:
    grants = await ApiGrant.find({"app_id": app_id, "revoked_at": None}).to_list()
    return [found.id for found in grants if found.id is not None]


async def revoke_grants(
    grant_ids: Iterable[PydanticObjectId], reason: str, now: datetime
) -> list[str]:
    """Ends the grants and every token issued under them; the access-token hashes ended,
    for the router's cached states to be dropped."""
    ids = list(grant_ids)
    if not ids:
        return []
    await ApiGrant.find({"_id": {"$in": ids}, "revoked_at": None}).update(
        {"$set": {"revoked_at": now, "revoked_reason": reason, "updated_at": now}}
    )
    live = {"grant_id": {"$in": ids}, "revoked_at": None}
    tokens = await ApiToken.find(live).to_list()
    await ApiToken.find(live).update({"$set": {"revoked_at": now, "updated_at": now}})
    return [token.access_token_hash for token in tokens]


async def app_names(app_ids: Iterable[PydanticObjectId]) -> dict[PydanticObjectId, str]:
    """The names of the apps still registered among these (another account's, as a grant's
    app is its developer's)."""
    apps = await ApiApp.find({"_id": {"$in": list(app_ids)}, "deleted_at": None}).to_list()
    return {app.id: app.name for app in apps if app.id is not None}
