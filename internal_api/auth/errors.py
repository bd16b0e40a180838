"""What signing up, in and accepting an invitation may refuse, each case with its own code."""

from shared.utilities.errors import (
    BadRequest,
    Conflict,
    Forbidden,
    NotFound,
    RateLimited,
    Unauthorized,
)


class EmailTaken(Conflict):
    """A user with this email exists already."""

    code, message = "email_taken", "A user with this email already exists."


class WrongCredentials(Unauthorized):
    """The email or the password is wrong (which one is not said)."""

    code, message = "wrong_credentials", "The email or password is wrong."


class LoginThrottled(RateLimited):
    """Too many login attempts for the email or from the address: wait `Retry-After`."""

    code = "login_throttled"


class NoAccount(Forbidden):
    """The user is a member of no account to sign in to."""

    code, message = "no_account", "You are not a member of any account."


class InvitationInvalid(NotFound):
    """No invitation has this token, or it has expired or been withdrawn."""

    code, message = "invitation_invalid", "The invitation does not exist or has expired."


class InvitationUsed(Conflict):
    """The invitation has been accepted already."""

    code, message = "invitation_used", "The invitation has already been accepted."


class SignInAsInvitee(Unauthorized):
    """The invited email belongs to a user, who must be signed in to accept."""

    code = "sign_in_as_invitee"


class InvitationForAnotherEmail(Forbidden):
    """The signed-in user is not the one invited."""

    code, message = "invitation_for_another_email", "This invitation is for another email address."


class WrongPassword(Forbidden):
    """The current password given is wrong (nothing was changed)."""

    code, message = "wrong_password", "The current password is wrong."


class EmailLinksThrottled(RateLimited):
    """Too many links mailed to the address, or asked for from the client: wait `Retry-After`."""

    code = "email_links_throttled"


class ResetTokenInvalid(BadRequest):
    """The reset link is unknown, expired, used already or replaced by a newer one."""

    code, message = (
        "reset_token_invalid",
        "This password reset link is not valid any more: ask for a new one.",
    )


class ConfirmationTokenInvalid(BadRequest):
    """The confirmation link is unknown, expired, used already or replaced by a newer one."""

    code, message = (
        "confirmation_token_invalid",
        "This confirmation link is not valid any more: ask for a new one.",
    )


class EmailAlreadyVerified(Conflict):
    """The user's email is confirmed already."""

    code, message = "email_already_verified", "Your email address is already confirmed."
