"""Apps and grants: an account's admins register apps (the client secret shown once, stored
hashed), change and delete them (their grants revoked with them); an account's users see the
apps installed on it and revoke them (an admin every one, a user those they installed)."""

import secrets

from beanie import PydanticObjectId
from redis.asyncio import Redis

from internal_api.extended import Extended
from internal_api.oauth import issuing, repository
from internal_api.oauth.errors import PublicClientHasNoSecret
from internal_api.oauth.repository import AppRepository, GrantRepository
from internal_api.oauth.schemas import AppCreate, AppUpdate
from shared.domain.oauth import repository as shared_repository
from shared.domain.oauth.credentials import (
    CLIENT_ID_PREFIX,
    CLIENT_SECRET_PREFIX,
    hint,
    new_credential,
)
from shared.domain.oauth.revocation import RevokedBecause, revoke_app_grants, revoke_grants
from shared.models.api_app import ApiApp, ApiClientType
from shared.models.api_grant import ApiGrant
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams
from shared.utilities.secret_tokens import hash_token


async def register_app(principal: Principal, body: AppCreate) -> Extended[ApiApp]:
    """The app, with its client secret this once (none for a public client)."""
    secret = new_credential(CLIENT_SECRET_PREFIX)
    confidential = body.client_type is ApiClientType.CONFIDENTIAL
    app = await AppRepository(principal.account_id).create(
        **body.model_dump(mode="json"),
        client_id=CLIENT_ID_PREFIX + secrets.token_urlsafe(18),
        client_secret_hash=hash_token(secret) if confidential else None,
        secret_hint=hint(secret) if confidential else None,
        created_by=PydanticObjectId(principal.sub),
    )
    return Extended(app, client_secret=secret if confidential else None)


async def list_apps(principal: Principal, params: PageParams) -> Page[ApiApp]:
    return await AppRepository(principal.account_id).paginate(params)


async def get_app(principal: Principal, app_id: str) -> ApiApp:
    return await AppRepository(principal.account_id).get(app_id)


async def update_app(principal: Principal, app_id: str, body: AppUpdate) -> ApiApp:
    app = await get_app(principal, app_id)
    changes = body.model_dump(mode="json", exclude_unset=True)
    if changes:
        await app.set(changes)
    return app


async def rotate_secret(principal: Principal, app_id: str) -> Extended[ApiApp]:
    """A new client secret, this once; the old one stops working at once."""
    app = await get_app(principal, app_id)
    if app.client_type is ApiClientType.PUBLIC:
        raise PublicClientHasNoSecret()
    secret = new_credential(CLIENT_SECRET_PREFIX)
    await app.set({ApiApp.client_secret_hash: hash_token(secret), ApiApp.secret_hint: hint(secret)})
    return Extended(app, client_secret=secret)


async def delete_app(principal: Principal, app_id: str, redis: Redis) -> None:
    """Gone from every query, every grant on every account revoked with it."""
    app = await get_app(principal, app_id)
    await repository.delete_app(app)
    await revoke_app_grants(redis, issuing.app_id(app))


def visible_grants(principal: Principal) -> GrantRepository:
    """An admin sees every app installed on the account; a user, those they installed."""
    mine = None if principal.has_scopes("account:write") else principal.sub
    return GrantRepository(principal.account_id, mine)


async def list_grants(principal: Principal, params: PageParams) -> Page[Extended[ApiGrant]]:
    page = await visible_grants(principal).paginate(params, {"revoked_at": None})
    names = await shared_repository.app_names({grant.app_id for grant in page.data})
    listed = [Extended(grant, app_name=names.get(grant.app_id)) for grant in page.data]
    return Page[Extended[ApiGrant]](data=listed, pagination=page.pagination)


async def revoke_grant(principal: Principal, grant_id: str, redis: Redis) -> None:
    """The app's tokens for this account stop working from their next request."""
    grant = await visible_grants(principal).get(grant_id)
    if grant.id is not None and grant.revoked_at is None:
        await revoke_grants(redis, [grant.id], RevokedBecause.ACCOUNT)
