"""/v1/oauth: the apps an account registers with the platform's authorization server, the
scopes they may ask for, and the apps installed on the account (its grants)."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.extended import Extended
from internal_api.oauth import service
from internal_api.oauth.auth import AppsAdmin, OwnSession
from internal_api.oauth.errors import PublicClientHasNoSecret, SessionRequired
from internal_api.oauth.repository import AppRepository, GrantRepository
from internal_api.oauth.schemas import (
    SCOPE_TABLE,
    AppCreate,
    AppRead,
    AppUpdate,
    AppWithSecret,
    GrantRead,
    ScopeRead,
)
from shared.models.api_app import ApiApp
from shared.models.api_grant import ApiGrant
from shared.utilities.app import RedisClient
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/oauth", tags=["oauth"])

AppPaging = Annotated[PageParams, Depends(sorted_by(AppRepository.sortable))]
GrantPaging = Annotated[PageParams, Depends(sorted_by(GrantRepository.sortable))]
SESSION = (*SIGNED_IN, SessionRequired)


@router.get(
    "/scopes",
    response_model=list[ScopeRead],
    summary="The scopes an app may ask for, as the consent page describes them",
    responses=error_responses(*SIGNED_IN),
)
async def list_scopes(principal: OwnSession) -> list[ScopeRead]:
    return SCOPE_TABLE


@router.post(
    "/apps",
    status_code=201,
    response_model=AppWithSecret,
    summary="Register an app",
    description="A confidential app gets a client secret, answered this once (only its hash is "
    "stored); a public app (a browser or mobile app) none, and must use PKCE (S256). Redirect "
    "URIs are compared exactly: https, http only to a loopback address, or a native app's "
    "reverse-domain scheme.",
    responses=error_responses(*SESSION, InvalidInput),
)
async def register_app(body: AppCreate, principal: AppsAdmin) -> Extended[ApiApp]:
    return await service.register_app(principal, body)


@router.get(
    "/apps",
    response_model=Page[AppRead],
    summary="The apps the account registered",
    responses=error_responses(*SESSION),
)
async def list_apps(principal: AppsAdmin, paging: AppPaging) -> Page[ApiApp]:
    return await service.list_apps(principal, paging)


@router.get(
    "/apps/{app_id}",
    response_model=AppRead,
    summary="One app",
    responses=error_responses(*SESSION, NotFound),
)
async def read_app(app_id: str, principal: AppsAdmin) -> ApiApp:
    return await service.get_app(principal, app_id)


@router.patch(
    "/apps/{app_id}",
    response_model=AppRead,
    summary="Change an app",
    description="Only the fields sent change. Scopes taken away hold at once for the tokens "
    "the app holds (the router narrows each to what the app may still ask).",
    responses=error_responses(*SESSION, NotFound, InvalidInput),
)
async def update_app(app_id: str, body: AppUpdate, principal: AppsAdmin) -> ApiApp:
    return await service.update_app(principal, app_id, body)


@router.post(
    "/apps/{app_id}/secret",
    response_model=AppWithSecret,
    summary="Give a confidential app a new client secret",
    description="Answered this once; the old secret stops working at once.",
    responses=error_responses(*SESSION, NotFound, PublicClientHasNoSecret),
)
async def rotate_secret(app_id: str, principal: AppsAdmin) -> Extended[ApiApp]:
    return await service.rotate_secret(principal, app_id)


@router.delete(
    "/apps/{app_id}",
    status_code=204,
    summary="Delete an app",
    description="Its grants on every account are revoked with it: its tokens stop working.",
    responses=error_responses(*SESSION, NotFound),
)
async def delete_app(app_id: str, principal: AppsAdmin, redis: RedisClient) -> Response:
    await service.delete_app(principal, app_id, redis)
    return Response(status_code=204)


@router.get(
    "/grants",
    response_model=Page[GrantRead],
    summary="The apps installed on the active account",
    description="An admin sees every one; another user, those they installed.",
    responses=error_responses(*SESSION),
)
async def list_grants(principal: OwnSession, paging: GrantPaging) -> Page[Extended[ApiGrant]]:
    return await service.list_grants(principal, paging)


@router.delete(
    "/grants/{grant_id}",
    status_code=204,
    summary="Revoke an installed app",
    description="Every token it holds for this account stops working from its next request. "
    "An admin may revoke any; another user, those they installed.",
    responses=error_responses(*SESSION, NotFound),
)
async def revoke_grant(grant_id: str, principal: OwnSession, redis: RedisClient) -> Response:
    await service.revoke_grant(principal, grant_id, redis)
    return Response(status_code=204)
