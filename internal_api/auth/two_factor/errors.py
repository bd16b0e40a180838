"""What two-factor authentication may refuse, each case with its own code."""

from shared.utilities.errors import Conflict, Forbidden, Unauthorized


class TwoFactorCodeInvalid(Unauthorized):
    """The code is wrong, or was used already (a TOTP code of a step used, a recovery code)."""

    code, message = "two_factor_code_invalid", "The code is wrong or has already been used."


class TwoFactorChallengeInvalid(Unauthorized):
    """The login's second step is unknown, expired, used, or out of attempts: log in again."""

    code, message = (
        "two_factor_challenge_invalid",
        "This sign-in has expired or was already completed; log in again.",
    )


class TwoFactorAlreadyEnabled(Conflict):
    """The user has two-factor authentication on already."""

    code, message = (
        "two_factor_already_enabled",
        "Two-factor authentication is already on; turn it off first to enrol again.",
    )


class TwoFactorNotEnabled(Conflict):
    """The user has no two-factor authentication on."""

    code, message = "two_factor_not_enabled", "Two-factor authentication is not on."


class TwoFactorEnrolmentMissing(Conflict):
    """A code came to confirm an enrolment that was not started."""

    code, message = (
        "two_factor_enrolment_missing",
        "Start enrolment first: POST /v1/auth/two-factor.",
    )


class TwoFactorRequiredByAccount(Conflict):
    """An account the user is in requires two-factor authentication, so it stays on."""

    code = "two_factor_required_by_account"


class TwoFactorRequired(Forbidden):
    """The account requires two-factor authentication, which the user does not have."""

    code, message = (
        "two_factor_required",
        "This account requires two-factor authentication: turn it on first.",
    )
