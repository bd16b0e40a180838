"""What the authorization server does to the store, for authlib's grants and endpoints
(`internal_api.oauth.grants`), which run in a worker thread and call these on the event loop.

Codes and refresh tokens are used once, each claimed by one conditional write. A code sent a
second time, or a refresh token sent again after it was rotated, means it has leaked: the
whole grant is revoked, every token under it with it (RFC 6749 sections 4.1.2 and 10.4)."""

from datetime import timedelta

from beanie import PydanticObjectId
from redis.asyncio import Redis

from internal_api.oauth import repository
from internal_api.oauth.protocol import Client, Installer
from shared.domain.oauth import repository as shared_repository
from shared.domain.oauth import states
from shared.domain.oauth.revocation import RevokedBecause, revoke_grants
from shared.models.api_app import ApiApp
from shared.models.api_authorization_code import ApiAuthorizationCode
from shared.models.api_token import ApiToken
from shared.models.base import utc_now
from shared.utilities.secret_tokens import hash_token


def app_id(app: ApiApp) -> PydanticObjectId:
    assert app.id is not None, "a stored app"
    return app.id


async def client(client_id: str) -> Client | None:
    app = await repository.app_by_client_id(client_id)
    return Client(app) if app else None


async def store_code(
    code: str,
    client: Client,
    installer: Installer,
    redirect_uri: str,
    challenge: tuple[str | None, str | None],
    lifetime: timedelta,
) -> None:
    await repository.insert_code(
        ApiAuthorizationCode(
            account_id=installer.account_id,
            code_hash=hash_token(code),
            app_id=app_id(client.app),
            client_id=client.get_client_id(),
            grant_id=installer.grant_id,
            user_id=installer.user_id,
            redirect_uri=redirect_uri,
            scopes=installer.scopes,
            code_challenge=challenge[0],
            code_challenge_method=challenge[1],
            expires_at=utc_now() + lifetime,
        )
    )


async def code_to_exchange(code: str, client: Client, redis: Redis) -> ApiAuthorizationCode | None:
    """The client's live code; None for anything else. A used code revokes its grant."""
    found = await repository.code_by_hash(hash_token(code))
    if found is None or found.client_id != client.get_client_id():
        return None
    if found.used_at is not None:
        await revoke_grants(redis, [found.grant_id], RevokedBecause.CODE_REPLAYED)
        return None
    return found if found.expires_at > utc_now() else None


async def claim_code(code: ApiAuthorizationCode, redis: Redis) -> Installer | None:
    """Who the code is for, once: a code exchanged meanwhile revokes its grant."""
    if not await repository.claim_code(code):
        await revoke_grants(redis, [code.grant_id], RevokedBecause.CODE_REPLAYED)
        return None
    return await installer(code.grant_id, code.scopes)


async def refresh_to_rotate(refresh_token: str, redis: Redis) -> ApiToken | None:
    """The live token pair of this refresh token; None for anything else. One rotated
    already revokes its grant."""
    found = await shared_repository.token_by_refresh_hash(hash_token(refresh_token))
    if found is None:
        return None
    if found.rotated_at is not None:
        await revoke_grants(redis, [found.grant_id], RevokedBecause.REFRESH_TOKEN_REUSED)
        return None
    if found.revoked_at is not None or found.refresh_expires_at <= utc_now():
        return None
    return found


async def claim_rotation(token: ApiToken, redis: Redis) -> Installer | None:
    """Who the next pair is for, once: a refresh token rotated meanwhile revokes its grant."""
    if not await repository.claim_rotation(token):
        await revoke_grants(redis, [token.grant_id], RevokedBecause.REFRESH_TOKEN_REUSED)
        return None
    return await installer(token.grant_id, token.scopes)


async def installer(grant_id: PydanticObjectId, scopes: list[str]) -> Installer | None:
    """The grant's user and account, while the grant is live."""
    grant = await shared_repository.grant(grant_id)
    if grant is None or grant.revoked_at is not None:
        return None
    return Installer(grant.user_id, grant.account_id, grant_id, scopes)


async def store_token(
    token: dict, client: Client, installer: Installer, refresh_lifetime: timedelta
) -> None:
    now = utc_now()
    await repository.insert_token(
        ApiToken(
            account_id=installer.account_id,
            grant_id=installer.grant_id,
            app_id=app_id(client.app),
            client_id=client.get_client_id(),
            user_id=installer.user_id,
            scopes=token["scope"].split(),
            access_token_hash=hash_token(token["access_token"]),
            refresh_token_hash=hash_token(token["refresh_token"]),
            access_expires_at=now + timedelta(seconds=token["expires_in"]),
            refresh_expires_at=now + refresh_lifetime,
        )
    )


async def issued(token: str, hint: str | None) -> ApiToken | None:
    """The pair an access or refresh token belongs to (RFC 7009's `token_type_hint` only
    says where to look first)."""
    token_hash = hash_token(token)
    lookups = [shared_repository.token_by_access_hash, shared_repository.token_by_refresh_hash]
    for lookup in reversed(lookups) if hint == "refresh_token" else lookups:
        if found := await lookup(token_hash):
            return found
    return None


async def revoke(token: ApiToken, redis: Redis) -> None:
    """RFC 7009: the pair ends, access and refresh token alike; the router refuses the access
    token from its next request."""
    await repository.revoke_token(token, utc_now())
    await states.forget(redis, [token.access_token_hash])


async def introspected(credential: str) -> dict | None:
    """RFC 7662's answer for a live access token or API key (what it lets its holder be now);
    None when it is not live."""
    token_hash = hash_token(credential)
    state = await states.recorded_state(credential, token_hash, utc_now())
    if state is None:
        return None
    app = await shared_repository.app(PydanticObjectId(state.app_id)) if state.app_id else None
    answer = {
        "active": True,
        "scope": " ".join(state.scopes),
        "sub": state.user_id,
        "account_id": state.account_id,
        "exp": int(state.expires_at.timestamp()),
        "token_type": "Bearer",
        "credential": state.kind.value,
    }
    if app is not None:
        answer |= {"client_id": app.client_id, "app_id": state.app_id}
    return answer
