"""Signing up, in and out; the caller's sessions; switching account; accepting invitations."""

from fastapi import APIRouter, Response

from internal_api.accounts.schemas import AccountRead
from internal_api.auth import service
from internal_api.auth.schemas import (
    AccountSwitch,
    InvitationAccept,
    InvitationAcceptedRead,
    LoginCreate,
    SessionRead,
    SignedInRead,
    SignupCreate,
)
from internal_api.dependencies import ClientInfo, Settings
from internal_api.repository import mapped
from internal_api.users.schemas import MeRead, UserRead
from shared.utilities.app import RedisClient
from shared.utilities.auth import CurrentUser, OptionalUser
from shared.utilities.errors import (
    Conflict,
    Forbidden,
    InvalidInput,
    NotFound,
    RateLimited,
    Unauthorized,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/auth", tags=["auth"])


def signed_in(result: service.SignedIn) -> SignedInRead:
    return SignedInRead(
        session_id=result.session_id,
        user=UserRead.of(result.user),
        account=AccountRead.of(result.account),
    )


@router.post(
    "/signup",
    status_code=201,
    summary="Sign up a new agency and its owner, signed in",
    responses=error_responses(Conflict),
)
async def sign_up(
    body: SignupCreate, client: ClientInfo, redis: RedisClient, settings: Settings
) -> SignedInRead:
    result = await service.sign_up(
        body.email, body.password, body.name, body.account_name, client, redis, settings
    )
    return signed_in(result)


@router.post(
    "/login",
    summary="Sign in with email and password",
    description="A wrong password and an unknown email answer the same 401. Too many failures "
    "for one email answer 429 with Retry-After.",
    responses=error_responses(Unauthorized, Forbidden, RateLimited),
)
async def log_in(
    body: LoginCreate, client: ClientInfo, redis: RedisClient, settings: Settings
) -> SignedInRead:
    return signed_in(await service.log_in(body.email, body.password, client, redis, settings))


@router.post(
    "/logout",
    status_code=204,
    summary="End the current session, everywhere at once",
    responses=error_responses(Unauthorized, NotFound),
)
async def log_out(principal: CurrentUser, redis: RedisClient) -> Response:
    await service.revoke_session(principal, principal.sid, redis)
    return Response(status_code=204)


@router.get(
    "/sessions",
    summary="The caller's live sessions",
    responses=error_responses(Unauthorized, InvalidInput),
)
async def list_sessions(principal: CurrentUser, paging: Paging) -> Page[SessionRead]:
    page = await service.list_sessions(principal, paging)
    return mapped(page, lambda session: SessionRead.of(session, principal.sid))


@router.delete(
    "/sessions/{session_id}",
    status_code=204,
    summary="Revoke one of the caller's sessions",
    responses=error_responses(Unauthorized, NotFound),
)
async def revoke_session(session_id: str, principal: CurrentUser, redis: RedisClient) -> Response:
    await service.revoke_session(principal, session_id, redis)
    return Response(status_code=204)


@router.post(
    "/switch-account",
    summary="Act in another account: one the caller is a member of, or a sub-account of "
    "their agency",
    responses=error_responses(Unauthorized, NotFound),
)
async def switch_account(
    body: AccountSwitch, principal: CurrentUser, redis: RedisClient, settings: Settings
) -> MeRead:
    return MeRead.of(
        await service.switch_account(principal, body.account_id, redis, settings.session_idle)
    )


@router.post(
    "/invitations/accept",
    summary="Accept an invitation",
    description="Joins as the signed-in user when one has the invited email (they must be "
    "signed in as them), or creates the user from `name` and `password`, signed in.",
    responses=error_responses(Unauthorized, Forbidden, NotFound, Conflict, InvalidInput),
)
async def accept_invitation(
    body: InvitationAccept,
    caller: OptionalUser,
    client: ClientInfo,
    redis: RedisClient,
    settings: Settings,
) -> InvitationAcceptedRead:
    accepted = await service.accept_invitation(
        body.token, body.name, body.password, caller, client, redis, settings
    )
    return InvitationAcceptedRead(
        session_id=accepted.session_id,
        user=UserRead.of(accepted.user),
        account=AccountRead.of(accepted.account),
        role=accepted.role,
    )
