"""Why a signup code does not let someone sign up, each case with its own code. Every one of
them creates nothing: no user, no account."""

from shared.utilities.errors import Conflict, InvalidInput

ON_THE_CODE = [{"field": "signup_code", "message": "cannot be used"}]


class SignupCodeInvalid(InvalidInput):
    """No signup code is this one (or its agency is gone)."""

    code, message = "signup_code_invalid", "This signup code does not exist."


class SignupCodeExpired(InvalidInput):
    """The signup code's expiry has passed."""

    code, message = "signup_code_expired", "This signup code has expired."


class SignupCodeRevoked(InvalidInput):
    """The agency revoked the signup code."""

    code, message = "signup_code_revoked", "This signup code has been revoked."


class SignupCodeUsedUp(Conflict):
    """The signup code has been used as many times as it may be."""

    code, message = "signup_code_used_up", "This signup code has been used up."
