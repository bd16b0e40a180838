"""A login's second step. Once the password is right, a user with two-factor authentication
(or one who must enrol first) gets a challenge instead of a session: an opaque token, shown
once and stored as its SHA-256, bound to the user, valid for a few minutes and a few codes
(INTERNAL_API_TWO_FACTOR_CHALLENGE_SECONDS, _ATTEMPTS), used up by the login it completes."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from internal_api.auth.two_factor import repository
from internal_api.auth.two_factor.errors import TwoFactorChallengeInvalid
from internal_api.settings import InternalApiSettings
from shared.models.base import utc_now
from shared.models.two_factor_challenge import ChallengePurpose, TwoFactorChallenge
from shared.models.user import User
from shared.utilities.secret_tokens import hash_token, new_token


@dataclass(frozen=True)
class Challenge:
    """What a login answers in place of a session; `challenge` is the secret token."""

    challenge: str
    purpose: ChallengePurpose
    expires_at: datetime

    @property
    def two_factor_required(self) -> bool:
        return self.purpose is ChallengePurpose.SIGN_IN

    @property
    def two_factor_enrolment_required(self) -> bool:
        return self.purpose is ChallengePurpose.ENROL


async def issue(user: User, purpose: ChallengePurpose, settings: InternalApiSettings) -> Challenge:
    token = new_token()
    expires_at = utc_now() + timedelta(seconds=settings.two_factor_challenge_seconds)
    await TwoFactorChallenge(
        token_hash=hash_token(token),
        user_id=user.id,
        purpose=purpose,
        expires_at=expires_at,
    ).insert()
    return Challenge(token, purpose, expires_at)


async def opened(
    token: str, purpose: ChallengePurpose, settings: InternalApiSettings
) -> TwoFactorChallenge:
    """The challenge while it may still be tried, no attempt counted."""
    found = await repository.usable_challenge(
        hash_token(token), purpose, settings.two_factor_challenge_attempts
    )
    if found is None:
        raise TwoFactorChallengeInvalid()
    return found


async def attempt(
    token: str, purpose: ChallengePurpose, settings: InternalApiSettings
) -> TwoFactorChallenge:
    """The challenge with one more attempt counted on it, before its code is checked."""
    found = await repository.reserve_attempt(
        hash_token(token), purpose, settings.two_factor_challenge_attempts
    )
    if found is None:
        raise TwoFactorChallengeInvalid()
    return found


async def use_up(challenge: TwoFactorChallenge) -> None:
    """Ends the challenge as its login completes; refused when another request completed it."""
    if not await repository.consume(challenge):
        raise TwoFactorChallengeInvalid()
