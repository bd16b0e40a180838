"""Ending grants: by the account (a user or an admin revoking an installed app), with the app
(deleted by its developer), or by the authorization server itself when a code is replayed or
a rotated refresh token comes back (RFC 6749 sections 4.1.2 and 10.4: either means a
credential has leaked, so everything issued under the grant ends)."""

from collections.abc import Iterable

from beanie import PydanticObjectId
from redis.asyncio import Redis

from shared.domain.oauth import repository, states
from shared.models.base import utc_now


class RevokedBecause:
    ACCOUNT = "revoked"
    APP_DELETED = "app_deleted"
    CODE_REPLAYED = "code_replayed"
    REFRESH_TOKEN_REUSED = "refresh_token_reused"


async def revoke_grants(redis: Redis, grant_ids: Iterable[PydanticObjectId], reason: str) -> None:
    """The grants and every token under them end; the router refuses their access tokens
    from the next request on."""
    ended = await repository.revoke_grants(grant_ids, reason, utc_now())
    await states.forget(redis, ended)


async def revoke_app_grants(redis: Redis, app_id: PydanticObjectId) -> None:
    await revoke_grants(
        redis, await repository.live_grant_ids_of_app(app_id), RevokedBecause.APP_DELETED
    )
