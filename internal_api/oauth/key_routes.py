"""/v1/api-keys: the caller's personal API keys in the active account."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.dependencies import Settings
from internal_api.extended import Extended
from internal_api.oauth import keys
from internal_api.oauth.auth import OwnSession
from internal_api.oauth.errors import ScopesNotAllowed, SessionRequired
from internal_api.oauth.repository import KeyRepository
from internal_api.oauth.schemas import KeyCreate, KeyCreated, KeyRead
from shared.models.api_key import ApiKey
from shared.utilities.app import RedisClient
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/api-keys", tags=["oauth"])

KeyPaging = Annotated[PageParams, Depends(sorted_by(KeyRepository.sortable))]
SESSION = (*SIGNED_IN, SessionRequired)


@router.post(
    "",
    status_code=201,
    response_model=KeyCreated,
    summary="Make a personal API key",
    description="Sent as `Authorization: Bearer pk_...`, it acts as the caller in the active "
    "account with the scopes given (some of the caller's there, narrowed at every use to what "
    "the caller then holds), until it expires. Answered this once; only its hash is stored.",
    responses=error_responses(*SESSION, InvalidInput, ScopesNotAllowed),
)
async def create_key(
    body: KeyCreate, principal: OwnSession, settings: Settings
) -> Extended[ApiKey]:
    return await keys.create_key(principal, body, settings.api_key_max_days)


@router.get(
    "",
    response_model=Page[KeyRead],
    summary="The caller's API keys in the active account, revoked and expired ones included",
    responses=error_responses(*SESSION),
)
async def list_keys(principal: OwnSession, paging: KeyPaging) -> Page[ApiKey]:
    return await keys.list_keys(principal, paging)


@router.delete(
    "/{key_id}",
    status_code=204,
    summary="Revoke an API key",
    description="It stops working from its next request, and stays listed.",
    responses=error_responses(*SESSION, NotFound),
)
async def revoke_key(key_id: str, principal: OwnSession, redis: RedisClient) -> Response:
    await keys.revoke_key(principal, key_id, redis)
    return Response(status_code=204)
