"""Changing what a signed-in user signs in with: their password, their email. Each asks for the
current password, whose guesses count like login attempts (see `throttle`)."""

from internal_api.auth import email_verification, links, revocation
from internal_api.auth.current_password import PasswordCheck
from internal_api.auth.errors import EmailTaken
from internal_api.auth.service import SignIn
from internal_api.users import repository as users
from shared.models.user import User
from shared.utilities.auth import Principal
from shared.utilities.errors import NotFound


async def change_password(principal: Principal, current: str, new: str, context: SignIn) -> None:
    """Sets the new password and ends the user's other sessions (the caller's goes on)."""
    user = await checked_user(principal, current, context)
    await user.set({User.password_hash: await context.passwords.hash(new)})
    await revocation.revoke_sessions_of(context.redis, principal.sub, keep=principal.sid)


async def ask_to_change_email(
    principal: Principal, email: str, password: str, context: SignIn
) -> None:
    """Mails the new address a link; the email changes only once it is followed."""
    user = await checked_user(principal, password, context)
    if await users.by_email(email):
        raise EmailTaken(details=[{"field": "email", "message": "already taken"}])
    await links.count_link(context.redis, email, context.client.ip, context.settings)
    await email_verification.send_confirmation(user, email, context.settings)


async def checked_user(principal: Principal, password: str, context: SignIn) -> User:
    """The caller, once `password` is theirs (WrongPassword otherwise)."""
    user = await users.user(principal.sub)
    if user is None:
        raise NotFound("The user no longer exists.")
    await PasswordCheck.signing_in(context).confirm(user, password, field="current_password")
    return user
