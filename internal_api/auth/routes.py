"""Signing up, in and out; the caller's sessions; switching account; accepting invitations."""

from typing import Annotated

from fastapi import APIRouter, Depends, Response

from internal_api.accounts.errors import AlreadyMember, SubAccountLimitReached, SubAccountsBusy
from internal_api.affiliates import signups
from internal_api.auth import email_verification, password_reset, service
from internal_api.auth.errors import (
    ConfirmationTokenInvalid,
    EmailLinksThrottled,
    EmailTaken,
    InvitationForAnotherEmail,
    InvitationInvalid,
    InvitationUsed,
    LoginThrottled,
    NoAccount,
    ResetTokenInvalid,
    SignInAsInvitee,
    WrongCredentials,
)
from internal_api.auth.repository import SessionRepository
from internal_api.auth.schemas import (
    AccountSwitch,
    EmailConfirm,
    InvitationAccept,
    InvitationAcceptedRead,
    LoginCreate,
    PasswordResetConfirm,
    PasswordResetCreate,
    SessionRead,
    SignedInRead,
    SignupCreate,
)
from internal_api.auth.two_factor.challenges import Challenge
from internal_api.auth.two_factor.errors import TwoFactorRequired
from internal_api.auth.two_factor.schemas import ChallengeRead
from internal_api.dependencies import Settings, SigningIn
from internal_api.extended import Extended
from internal_api.signup_codes import service as signup_codes
from internal_api.signup_codes.errors import (
    SignupCodeExpired,
    SignupCodeInvalid,
    SignupCodeRevoked,
    SignupCodeUsedUp,
)
from internal_api.users.schemas import MeRead
from internal_api.users.service import Me
from shared.domain.accounts.errors import AccountDeleted, AccountSuspended
from shared.models.session import Session
from shared.utilities import sessions
from shared.utilities.app import RedisClient
from shared.utilities.auth import CurrentUser, OptionalUser
from shared.utilities.errors import NotFound, Unauthorized, error_responses
from shared.utilities.pagination import Page, PageParams, sorted_by

router = APIRouter(prefix="/v1/auth", tags=["auth"])

SessionPaging = Annotated[PageParams, Depends(sorted_by(SessionRepository.sortable))]


@router.post(
    "/signup",
    status_code=201,
    response_model=SignedInRead,
    summary="Sign up a new agency and its owner, signed in",
    description="With a `signup_code`, a new sub-account of the code's agency instead, the "
    "user its owner (or the code's role). A code that cannot be used creates nothing.",
    responses=error_responses(
        EmailTaken,
        SignupCodeInvalid,
        SignupCodeExpired,
        SignupCodeRevoked,
        SignupCodeUsedUp,
        SubAccountLimitReached,
        SubAccountsBusy,
    ),
)
async def sign_up(body: SignupCreate, context: SigningIn) -> service.SignedIn:
    if body.signup_code is not None:
        signed_in = await signup_codes.sign_up_with_code(
            body.signup_code, body.email, body.password, body.name, body.account_name, context
        )
    else:
        signed_in = await service.sign_up(
            body.email, body.password, body.name, body.account_name, context
        )
    platform_account = context.settings.affiliates_platform_account_id
    await signups.attribute(signed_in.account, body.referral_visitor, platform_account)
    return signed_in


@router.post(
    "/login",
    response_model=SignedInRead | ChallengeRead,
    summary="Sign in with email and password",
    description="A wrong password and an unknown email answer the same 401. After a few "
    "attempts for one email (or many from one address), each further attempt must wait "
    "longer, twice as long each time up to a cap: an early one answers 429 with Retry-After. "
    "A user with two-factor authentication gets no session yet but `two_factor_required` and "
    "a `challenge` for POST /v1/auth/login/two-factor. A user without it, signing in to an "
    "account that requires it, gets `two_factor_enrolment_required` and a `challenge` that "
    "only enrols (POST /v1/auth/login/two-factor/enrolment), enrolling then signs them in.",
    responses=error_responses(WrongCredentials, NoAccount, LoginThrottled),
)
async def log_in(body: LoginCreate, context: SigningIn) -> service.SignedIn | Challenge:
    return await service.log_in(body.email, body.password, context)


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
    response_model=Page[SessionRead],
    summary="The caller's live sessions",
    responses=error_responses(Unauthorized),
)
async def list_sessions(principal: CurrentUser, paging: SessionPaging) -> Page[Extended[Session]]:
    return await service.list_sessions(principal, paging)


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
    response_model=MeRead,
    summary="Act in another account: one the caller is a member of, or a sub-account of "
    "their agency",
    description="An account that requires two-factor authentication refuses a caller without "
    "it (403 `two_factor_required`).",
    responses=error_responses(
        Unauthorized, NotFound, TwoFactorRequired, AccountSuspended, AccountDeleted
    ),
)
async def switch_account(
    body: AccountSwitch, principal: CurrentUser, redis: RedisClient, settings: Settings
) -> Me:
    seal = sessions.seal_for(settings)
    return await service.switch_account(
        principal, body.account_id, redis, settings.session_idle, seal
    )


@router.post(
    "/invitations/accept",
    response_model=InvitationAcceptedRead,
    summary="Accept an invitation",
    description="Joins as the signed-in user when one has the invited email (they must be "
    "signed in as them), or creates the user from `name` and `password`, signed in (unless "
    "the account requires two-factor authentication: they enrol as they log in).",
    responses=error_responses(
        SignInAsInvitee,
        InvitationForAnotherEmail,
        InvitationInvalid,
        InvitationUsed,
        AlreadyMember,
        EmailTaken,
    ),
)
async def accept_invitation(
    body: InvitationAccept, caller: OptionalUser, context: SigningIn
) -> service.AcceptedInvitation:
    return await service.accept_invitation(body.token, body.name, body.password, caller, context)


@router.post(
    "/password-reset",
    status_code=202,
    summary="Mail a password reset link to the user with this email",
    description="Answers the same 202 whether or not a user has the email. The link works for "
    "INTERNAL_API_PASSWORD_RESET_MINUTES, once; asking again replaces it. Links are counted per "
    "address and per client: past the limit, 429 with Retry-After.",
    responses=error_responses(EmailLinksThrottled),
)
async def ask_for_password_reset(body: PasswordResetCreate, context: SigningIn) -> Response:
    await password_reset.ask_for_reset(
        body.email, context.client.ip, context.redis, context.settings
    )
    return Response(status_code=202)


@router.post(
    "/password-reset/confirm",
    status_code=204,
    summary="Set a new password with a reset link's token",
    description="The password follows sign-up's rules. Every session of the user ends at once, "
    "everywhere. A token unknown, expired, used or replaced answers 400 `reset_token_invalid`.",
    responses=error_responses(ResetTokenInvalid),
)
async def reset_password(body: PasswordResetConfirm, context: SigningIn) -> Response:
    await password_reset.reset(body.token, body.password, context.redis, context.passwords)
    return Response(status_code=204)


@router.post(
    "/email/confirm",
    status_code=204,
    summary="Confirm an email address with the token of the link mailed to it",
    description="The address becomes the user's, confirmed: the one they signed up with, or the "
    "one they asked to change to. A token unknown, expired, used or replaced answers 400 "
    "`confirmation_token_invalid`; an address another user has taken since, 409 `email_taken`.",
    responses=error_responses(ConfirmationTokenInvalid, EmailTaken),
)
async def confirm_email(body: EmailConfirm, redis: RedisClient) -> Response:
    await email_verification.confirm(body.token, redis)
    return Response(status_code=204)
