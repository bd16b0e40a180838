from typing import Annotated

from fastapi import APIRouter, Depends, Query

from internal_api.accounts.auth import UsersRead
from internal_api.users import service
from internal_api.users.repository import ACCOUNT_SORT_KEYS, AccountUser, AccountUsers
from internal_api.users.schemas import AccountUserRead, ActingAccountRead, MeRead, UserFilters
from shared.utilities.auth import CurrentUser
from shared.utilities.errors import SIGNED_IN, NotFound, Unauthorized, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/users", tags=["users"])

UserPaging = Annotated[PageParams, Depends(sorted_by(AccountUsers.sortable, default="name"))]
AccountPaging = Annotated[PageParams, Depends(sorted_by(ACCOUNT_SORT_KEYS, default="name"))]


@router.get(
    "",
    response_model=Page[AccountUserRead],
    summary="The active account's users",
    description="Its members and, in a sub-account, the agency's owners and admins, who act "
    "in it as admins (`via_agency`). `search` matches part of a name or an email in any case.",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def list_users(
    principal: UsersRead, paging: UserPaging, filters: Annotated[UserFilters, Query()]
) -> Page[AccountUser]:
    return await service.list_users(principal, paging, filters.search, filters.role)


@router.get(
    "/me",
    response_model=MeRead,
    summary="The caller, their active account, role and scopes",
    responses=error_responses(Unauthorized, NotFound),
)
async def read_me(principal: CurrentUser) -> service.Me:
    return await service.me(principal)


@router.get(
    "/me/accounts",
    response_model=Page[ActingAccountRead],
    summary="The accounts the caller may switch to",
    description="Those they are a member of, and every sub-account of an agency they own or "
    "administer (as an admin there); `active` marks the one their session acts in.",
    responses=error_responses(Unauthorized),
)
async def list_my_accounts(
    principal: CurrentUser, paging: AccountPaging
) -> Page[service.ActingAccount]:
    return await service.acting_accounts(principal, paging)
