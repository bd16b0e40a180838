"""Two-factor authentication (TOTP): the signed-in user's enrolment, recovery codes and turning
it off; a login's second step, with a code or by enrolling."""

from fastapi import APIRouter, Response

from internal_api.auth.errors import LoginThrottled, NoAccount, WrongCredentials
from internal_api.auth.routes import SigningIn
from internal_api.auth.schemas import SignedInRead
from internal_api.auth.service import SignedIn
from internal_api.auth.two_factor import service
from internal_api.auth.two_factor.errors import (
    TwoFactorAlreadyEnabled,
    TwoFactorChallengeInvalid,
    TwoFactorCodeInvalid,
    TwoFactorEnrolmentMissing,
    TwoFactorNotEnabled,
    TwoFactorRequiredByAccount,
)
from internal_api.auth.two_factor.schemas import (
    ChallengeCodeCreate,
    ChallengeCreate,
    CodeCreate,
    EnrolledSignedInRead,
    EnrolmentRead,
    RecoveryCodesRead,
    TwoFactorDelete,
    TwoFactorRead,
)
from internal_api.dependencies import Settings
from shared.utilities.auth import CurrentUser
from shared.utilities.errors import SIGNED_IN, NotFound, error_responses

router = APIRouter(prefix="/v1/auth", tags=["auth"])

CODE = "`code` is a six-digit code from the authenticator app or one of the recovery codes."
ACCOUNTS_REQUIRING_IT = (
    "An account may require two-factor authentication of its members "
    "(`require_two_factor`, PATCH /v1/accounts/current)."
)


@router.get(
    "/two-factor",
    response_model=TwoFactorRead,
    summary="Whether the caller has two-factor authentication on",
    responses=error_responses(*SIGNED_IN),
)
async def read_two_factor(principal: CurrentUser) -> service.Status:
    return await service.status(principal)


@router.post(
    "/two-factor",
    response_model=EnrolmentRead,
    summary="Start enrolling in two-factor authentication (TOTP)",
    description="Answers a new secret, as text, as an `otpauth://` URI (issuer: the account's "
    "brand name, or the platform's; label: the user's email) and as a QR code. It is pending "
    "until POST /v1/auth/two-factor/confirm; starting again replaces it. Once confirmed the "
    "secret is never shown again.",
    responses=error_responses(*SIGNED_IN, NotFound, TwoFactorAlreadyEnabled),
)
async def start_enrolment(principal: CurrentUser, settings: Settings) -> service.Enrolment:
    return await service.start_enrolment(principal, settings)


@router.post(
    "/two-factor/confirm",
    response_model=RecoveryCodesRead,
    summary="Turn two-factor authentication on with a first code",
    description="Answers ten recovery codes, each good once in place of a code: shown this "
    "once, stored hashed. From now on a login asks for a code after the password.",
    responses=error_responses(
        *SIGNED_IN, TwoFactorCodeInvalid, TwoFactorEnrolmentMissing, TwoFactorAlreadyEnabled
    ),
)
async def confirm_enrolment(
    body: CodeCreate, principal: CurrentUser, settings: Settings
) -> service.RecoveryCodes:
    return await service.confirm_enrolment(principal.sub, body.code, settings)


@router.delete(
    "/two-factor",
    status_code=204,
    summary="Turn two-factor authentication off",
    description=f"Needs the current password and a code. {CODE} Refused (409 "
    "`two_factor_required_by_account`) while an account the user is in requires it. "
    f"{ACCOUNTS_REQUIRING_IT} Attempts count on the login throttle.",
    responses=error_responses(
        *SIGNED_IN,
        NotFound,
        WrongCredentials,
        TwoFactorCodeInvalid,
        TwoFactorNotEnabled,
        TwoFactorRequiredByAccount,
        LoginThrottled,
    ),
)
async def disable(body: TwoFactorDelete, principal: CurrentUser, context: SigningIn) -> Response:
    await service.disable(principal, body.password, body.code, context)
    return Response(status_code=204)


@router.post(
    "/two-factor/recovery-codes",
    response_model=RecoveryCodesRead,
    summary="Replace the recovery codes with ten new ones",
    description=f"{CODE} The old codes stop working; the new ones are shown this once. "
    "Attempts count on the login throttle.",
    responses=error_responses(
        *SIGNED_IN, NotFound, TwoFactorCodeInvalid, TwoFactorNotEnabled, LoginThrottled
    ),
)
async def renew_recovery_codes(
    body: CodeCreate, principal: CurrentUser, context: SigningIn
) -> service.RecoveryCodes:
    return await service.renew_recovery_codes(principal, body.code, context)


@router.post(
    "/login/two-factor",
    response_model=SignedInRead,
    summary="Complete a login with a two-factor code",
    description="For a login that answered `two_factor_required`: its `challenge` and a code "
    f"give the session a login answers. {CODE} A TOTP code passes once (a code already used, "
    "or an older one, is refused), a recovery code once. A wrong code answers 401 "
    "`two_factor_code_invalid` and creates no session; after a few the challenge is used up, "
    "as it is once it signs in or when it expires (401 `two_factor_challenge_invalid`: log in "
    "again). Attempts count on the login throttle.",
    responses=error_responses(
        TwoFactorCodeInvalid, TwoFactorChallengeInvalid, NoAccount, LoginThrottled
    ),
)
async def sign_in_with_code(body: ChallengeCodeCreate, context: SigningIn) -> SignedIn:
    return await service.sign_in_with_code(body.challenge, body.code, context)


@router.post(
    "/login/two-factor/enrolment",
    response_model=EnrolmentRead,
    summary="Start enrolling in two-factor authentication during a login",
    description="For a login that answered `two_factor_enrolment_required` (the account "
    f"requires two-factor authentication, which the user does not have). {ACCOUNTS_REQUIRING_IT} "
    "Answers the secret as POST /v1/auth/two-factor does; confirm it with "
    "POST /v1/auth/login/two-factor/enrolment/confirm.",
    responses=error_responses(TwoFactorChallengeInvalid, TwoFactorAlreadyEnabled, NoAccount),
)
async def start_enrolment_for_challenge(
    body: ChallengeCreate, context: SigningIn
) -> service.Enrolment:
    return await service.start_enrolment_for_challenge(body.challenge, context)


@router.post(
    "/login/two-factor/enrolment/confirm",
    response_model=EnrolledSignedInRead,
    summary="Turn two-factor authentication on with a first code and complete the login",
    description="Answers the session a login answers and the ten recovery codes (shown this "
    "once). A wrong code answers 401 `two_factor_code_invalid`; after a few the challenge is "
    "used up (401 `two_factor_challenge_invalid`: log in again).",
    responses=error_responses(
        TwoFactorCodeInvalid,
        TwoFactorChallengeInvalid,
        TwoFactorEnrolmentMissing,
        TwoFactorAlreadyEnabled,
        NoAccount,
        LoginThrottled,
    ),
)
async def confirm_enrolment_for_challenge(
    body: ChallengeCodeCreate, context: SigningIn
) -> service.EnrolledSignIn:
    return await service.confirm_enrolment_for_challenge(body.challenge, body.code, context)
