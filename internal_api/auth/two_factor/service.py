"""Two-factor authentication: enrolling (signed in, or as a login's second step when the account
requires it), turning it off, recovery codes, and completing a login with a code.

The TOTP secret is sealed at rest (INTERNAL_API_TWO_FACTOR_ENCRYPTION_KEYS) and shown only while
enrolment is pending. A TOTP code passes once: the step it was made for, and every earlier one,
is used up. Recovery codes are stored hashed and pass once each. Every code checked for a
login, or to turn the factor off or renew the codes, counts on the login throttle like a
password, so knowing the password does not buy unlimited guesses at codes.
"""

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime

from beanie import PydanticObjectId
from redis.asyncio import Redis

from internal_api.accounts.repository import account as account_by_id
from internal_api.auth import revocation
from internal_api.auth.errors import WrongCredentials
from internal_api.auth.service import SignedIn, SignIn, start_session, starting_account
from internal_api.auth.throttle import LoginThrottle, ThrottlePolicy
from internal_api.auth.two_factor import challenges, codes, repository
from internal_api.auth.two_factor.errors import (
    TwoFactorAlreadyEnabled,
    TwoFactorChallengeInvalid,
    TwoFactorCodeInvalid,
    TwoFactorEnrolmentMissing,
    TwoFactorRequiredByAccount,
)
from internal_api.auth.two_factor.policy import check_enabled
from internal_api.auth.two_factor.repository import TwoFactorRepository
from internal_api.settings import InternalApiSettings
from internal_api.users import repository as users
from shared.models.account import Account
from shared.models.two_factor_challenge import ChallengePurpose, TwoFactorChallenge
from shared.models.user import User
from shared.utilities.auth import Principal
from shared.utilities.encryption import SecretBox, configured_box
from shared.utilities.errors import NotFound

# The development key embedded mode seals secrets with when no keys are set.
DEVELOPMENT_KEY = "two-factor"


@dataclass(frozen=True)
class Enrolment:
    """What an authenticator app needs, shown while enrolment waits for its first code."""

    secret: str
    otpauth_uri: str
    qr_code: str


@dataclass(frozen=True)
class Status:
    enabled: bool
    enabled_at: datetime | None
    recovery_codes_left: int


@dataclass(frozen=True)
class RecoveryCodes:
    recovery_codes: list[str]  # shown once


@dataclass(frozen=True)
class EnrolledSignIn(SignedIn):
    recovery_codes: list[str]  # shown once


def secret_box(settings: InternalApiSettings) -> SecretBox:
    return configured_box(settings.two_factor_encryption_keys, settings.mode, DEVELOPMENT_KEY)


async def status(principal: Principal) -> Status:
    found = await TwoFactorRepository(principal.sub).enabled()
    if found is None:
        return Status(enabled=False, enabled_at=None, recovery_codes_left=0)
    return Status(True, found.enabled_at, len(found.recovery_code_hashes))


async def start_enrolment(principal: Principal, settings: InternalApiSettings) -> Enrolment:
    user = await signed_in_user(principal)
    account = await account_by_id(principal.account_id)
    if account is None:
        raise NotFound(f"Account {principal.account_id} does not exist.")
    return await enrol(user, account, settings)


async def enrol(user: User, account: Account, settings: InternalApiSettings) -> Enrolment:
    """A new secret, pending until a code confirms it (starting again replaces it). The app
    shows it under the account's brand name, or the platform's."""
    secret = codes.new_secret()
    if not await TwoFactorRepository(user.id).start(secret_box(settings).seal(secret)):
        raise TwoFactorAlreadyEnabled()
    uri = codes.provisioning_uri(
        secret, account.branding.name or settings.platform_name, user.email
    )
    return Enrolment(secret, uri, codes.qr_code(uri))


async def confirm_enrolment(
    user_id: str | PydanticObjectId, code: str, settings: InternalApiSettings
) -> RecoveryCodes:
    """Turns two-factor authentication on with a first code from the app; answers the
    recovery codes, shown this once."""
    two_factor = TwoFactorRepository(user_id)
    pending = await two_factor.current()
    if pending is None:
        raise TwoFactorEnrolmentMissing()
    if pending.enabled_at:
        raise TwoFactorAlreadyEnabled()
    secret = secret_box(settings).open(pending.sealed_secret)
    step = codes.matching_step(secret, codes.normalised(code), time.time())
    recovery_codes = codes.new_recovery_codes()
    hashes = [codes.hash_recovery_code(recovery_code) for recovery_code in recovery_codes]
    if step is None or not await two_factor.enable(pending, step, hashes):
        raise TwoFactorCodeInvalid()
    return RecoveryCodes(recovery_codes)


async def disable(principal: Principal, password: str, code: str, context: SignIn) -> None:
    """Turns it off, with the password and a code (or a recovery code); refused while an
    account the user is in requires it."""
    user = await signed_in_user(principal)
    await check_enabled(user.id)
    requiring = await repository.account_requiring_it(
        user.id, PydanticObjectId(principal.account_id)
    )
    if requiring:
        raise TwoFactorRequiredByAccount(
            f"{requiring.name} requires two-factor authentication of its members."
        )
    async with counted_attempt(user, context):
        if not await context.passwords.verify(user.password_hash, password):
            raise WrongCredentials("The password is wrong.")
        await use_code(user.id, code, context.settings)
    await TwoFactorRepository(user.id).remove()


async def renew_recovery_codes(principal: Principal, code: str, context: SignIn) -> RecoveryCodes:
    """Ten new recovery codes in place of the old ones, for a code (or a recovery code)."""
    user = await signed_in_user(principal)
    await check_enabled(user.id)
    async with counted_attempt(user, context):
        await use_code(user.id, code, context.settings)
    recovery_codes = codes.new_recovery_codes()
    await TwoFactorRepository(user.id).replace_recovery_codes(
        [codes.hash_recovery_code(recovery_code) for recovery_code in recovery_codes]
    )
    return RecoveryCodes(recovery_codes)


async def sign_in_with_code(token: str, code: str, context: SignIn) -> SignedIn:
    """The login's second step: a TOTP or recovery code completes it with a session, as a
    login without two-factor authentication answers."""
    challenge = await challenges.attempt(token, ChallengePurpose.SIGN_IN, context.settings)
    user = await challenged_user(challenge)
    async with counted_attempt(user, context):
        await use_code(user.id, code, context.settings)
    await challenges.use_up(challenge)
    return await signed_in(user, context)


async def start_enrolment_for_challenge(token: str, context: SignIn) -> Enrolment:
    """Enrolment for a user whose account requires it, before they have a session."""
    challenge = await challenges.opened(token, ChallengePurpose.ENROL, context.settings)
    user = await challenged_user(challenge)
    return await enrol(user, await starting_account(user), context.settings)


async def confirm_enrolment_for_challenge(token: str, code: str, context: SignIn) -> EnrolledSignIn:
    """Confirms that enrolment and completes the login: a session and the recovery codes."""
    challenge = await challenges.attempt(token, ChallengePurpose.ENROL, context.settings)
    user = await challenged_user(challenge)
    async with counted_attempt(user, context):
        recovery = await confirm_enrolment(user.id, code, context.settings)
    await challenges.use_up(challenge)
    session = await signed_in(user, context)
    return EnrolledSignIn(session.session_id, user, session.account, recovery.recovery_codes)


async def sign_out_members_without_it(account: Account, redis: Redis) -> None:
    """Ends the sessions in the account of users without two-factor authentication, as the
    account starts requiring it: they enrol at their next login."""
    in_account = await repository.unrevoked_sessions_in(account.id)
    protected = await repository.users_with_two_factor({item.user_id for item in in_account})
    for session in in_account:
        if session.user_id not in protected:
            await revocation.revoke(redis, session)


async def use_code(user_id: PydanticObjectId, code: str, settings: InternalApiSettings) -> None:
    """Uses up the code when it is the user's: a TOTP code of a step not used yet (that step is
    then used), or an unused recovery code. A user without two-factor authentication (turned
    off since a login's first step) has no code."""
    two_factor = TwoFactorRepository(user_id)
    enabled = await two_factor.enabled()
    if enabled is None:
        raise TwoFactorCodeInvalid()
    typed = codes.normalised(code)
    if codes.is_totp_code(typed):
        secret = secret_box(settings).open(enabled.sealed_secret)
        step = codes.matching_step(secret, typed, time.time())
        passed = step is not None and await two_factor.use_step(step)
    else:
        passed = await two_factor.use_recovery_code(codes.hash_recovery_code(typed))
    if not passed:
        raise TwoFactorCodeInvalid()


@asynccontextmanager
async def counted_attempt(user: User, context: SignIn) -> AsyncIterator[None]:
    """Counts what the block checks as a login attempt for the user's email (429 when too
    early); the count starts again when the block passes."""
    throttle = LoginThrottle(context.redis, ThrottlePolicy.from_settings(context.settings))
    await throttle.reserve(user.email, context.client.ip)
    yield
    await throttle.succeeded(user.email, context.client.ip)


async def signed_in(user: User, context: SignIn) -> SignedIn:
    account = await starting_account(user)
    return SignedIn(await start_session(user, account, context), user, account)


async def challenged_user(challenge: TwoFactorChallenge) -> User:
    user = await users.user(challenge.user_id)
    if user is None:
        raise TwoFactorChallengeInvalid()
    return user


async def signed_in_user(principal: Principal) -> User:
    user = await users.user(principal.sub)
    if user is None:
        raise NotFound("The user no longer exists.")
    return user
