"""Factories for two-factor authentication: a user's second factor and a login's challenge,
stored as the service stores them, and the codes an authenticator app would show."""

import time
from datetime import timedelta

import pyotp

from internal_api.auth.two_factor import codes
from internal_api.auth.two_factor.service import secret_box
from internal_api.settings import InternalApiSettings
from shared.models.base import utc_now
from shared.models.two_factor import TwoFactor
from shared.models.two_factor_challenge import ChallengePurpose, TwoFactorChallenge
from shared.models.user import User
from shared.utilities.secret_tokens import hash_token
from shared.utilities.sessions import new_session_id

RECOVERY_CODES = ["aaaaa-bbbbb", "ccccc-ddddd"]


def code_for(secret: str, steps_ahead: int = 0) -> str:
    """The code the app shows `steps_ahead` 30-second steps from now: the window lets the next
    step's code through, so a test can use a code no earlier request used."""
    return pyotp.TOTP(secret).at(time.time() + steps_ahead * 30)


def wrong_code_for(secret: str) -> str:
    """Six digits the window around now does not let through."""
    right = {code_for(secret, steps) for steps in (-1, 0, 1)}
    return next(code for code in ("000000", "111111", "222222", "333333") if code not in right)


async def create_two_factor(user: User, **overrides) -> str:
    """Two-factor authentication on for the user, with RECOVERY_CODES; returns its secret."""
    secret = pyotp.random_base32()
    fields = {
        "user_id": user.id,
        "sealed_secret": secret_box(InternalApiSettings()).seal(secret),
        "enabled_at": utc_now(),
        "recovery_code_hashes": [codes.hash_recovery_code(code) for code in RECOVERY_CODES],
    }
    await TwoFactor(**{**fields, **overrides}).insert()
    return secret


async def create_challenge(
    user: User, purpose: ChallengePurpose = ChallengePurpose.SIGN_IN, **overrides
) -> str:
    """A login's second step for the user; returns its token."""
    token = new_session_id()
    fields = {
        "token_hash": hash_token(token),
        "user_id": user.id,
        "purpose": purpose,
        "expires_at": utc_now() + timedelta(minutes=5),
    }
    await TwoFactorChallenge(**{**fields, **overrides}).insert()
    return token
