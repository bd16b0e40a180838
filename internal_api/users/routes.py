from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response

from internal_api.accounts.auth import UsersRead
from internal_api.auth import credentials, email_verification
from internal_api.auth.errors import (
    EmailAlreadyVerified,
    EmailLinksThrottled,
    EmailTaken,
    LoginThrottled,
    WrongPassword,
)
from internal_api.dependencies import SigningIn
from internal_api.users import service
from internal_api.users.repository import ACCOUNT_SORT_KEYS, AccountUser, AccountUsers
from internal_api.users.schemas import (
    AccountUserRead,
    ActingAccountRead,
    EmailChange,
    MeRead,
    PasswordChange,
    UserFilters,
    UserUpdate,
)
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


@router.patch(
    "/me",
    response_model=MeRead,
    summary="Change the caller's profile: name, avatar, phone, time zone, locale",
    description="Only the fields sent change; null clears one, but the name. The avatar is an "
    "http(s) URL, the phone E.164 with its country code, the time zone an IANA name, the locale "
    "a BCP 47 language tag.",
    responses=error_responses(Unauthorized, NotFound),
)
async def update_me(body: UserUpdate, principal: CurrentUser) -> service.Me:
    return await service.update_me(principal, body)


@router.post(
    "/me/password",
    status_code=204,
    summary="Change the caller's password",
    description="The new password follows sign-up's rules. The caller's other sessions end at "
    "once, everywhere; this one goes on. Wrong current passwords count like login attempts.",
    responses=error_responses(Unauthorized, NotFound, WrongPassword, LoginThrottled),
)
async def change_password(
    body: PasswordChange, principal: CurrentUser, context: SigningIn
) -> Response:
    await credentials.change_password(principal, body.current_password, body.new_password, context)
    return Response(status_code=204)


@router.post(
    "/me/email",
    status_code=202,
    summary="Change the caller's email: a confirmation link is mailed to the new address",
    description="Nothing changes until the link is followed (`POST /v1/auth/email/confirm`), "
    "which makes the new address the caller's, confirmed.",
    responses=error_responses(
        Unauthorized, NotFound, WrongPassword, LoginThrottled, EmailTaken, EmailLinksThrottled
    ),
)
async def change_email(body: EmailChange, principal: CurrentUser, context: SigningIn) -> Response:
    await credentials.ask_to_change_email(principal, body.email, body.current_password, context)
    return Response(status_code=202)


@router.post(
    "/me/email/verification",
    status_code=202,
    summary="Mail the caller a new link to confirm their email",
    description="The link mailed before stops working.",
    responses=error_responses(Unauthorized, NotFound, EmailAlreadyVerified, EmailLinksThrottled),
)
async def send_confirmation_again(principal: CurrentUser, context: SigningIn) -> Response:
    await email_verification.send_again(
        principal.sub, context.client.ip, context.redis, context.settings
    )
    return Response(status_code=202)
