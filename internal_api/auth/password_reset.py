"""Resetting a forgotten password with a link mailed to the user's address.

Asking answers the same whether or not a user has the email, and does the same work up to
storing the link (the mail itself leaves after the answer, with the request's outbox). Using
the link sets the password and ends every session of the user, everywhere.
"""

from datetime import timedelta

from redis.asyncio import Redis

from internal_api.auth import links, revocation
from internal_api.auth.errors import ResetTokenInvalid
from internal_api.auth.passwords import Passwords
from internal_api.auth.repository import claim_token
from internal_api.settings import InternalApiSettings
from internal_api.users import repository as users
from shared.domain.notifications import dashboard_paths
from shared.domain.notifications.platform import tell
from shared.models.user import User
from shared.models.user_token import TokenPurpose
from shared.utilities.secret_tokens import new_token


async def ask_for_reset(
    email: str, client_ip: str, redis: Redis, settings: InternalApiSettings
) -> None:
    """Mails the user with this email a reset link, if there is one (counted either way)."""
    await links.count_link(redis, email, client_ip, settings)
    user = await users.by_email(email)
    token = new_token()
    if user is None:
        return
    minutes = settings.password_reset_minutes
    await links.store(user, TokenPurpose.PASSWORD_RESET, email, token, timedelta(minutes=minutes))
    account_id = await links.branding_account(user)
    if account_id is None:
        return
    await tell(
        "password_reset",
        account_id,
        {"expires_in_minutes": str(minutes)},
        user_ids=[user.id],
        links={"reset_url": dashboard_paths.reset_password(token)},
    )


async def reset(token: str, password: str, redis: Redis, passwords: Passwords) -> User:
    """Sets the password and ends every session of the user; a link unknown, expired, used or
    replaced changes nothing (ResetTokenInvalid)."""
    record = await links.usable(token, TokenPurpose.PASSWORD_RESET)
    user = await users.user(record.user_id) if record else None
    if record is None or user is None:
        raise ResetTokenInvalid()
    password_hash = await passwords.hash(password)
    if not await claim_token(record):
        raise ResetTokenInvalid()
    await user.set({User.password_hash: password_hash})
    await revocation.revoke_sessions_of(redis, record.user_id)
    return user
