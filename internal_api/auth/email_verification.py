"""Confirming email addresses: the one a user signs up (or accepts an invitation) with, and the
one they change to. Either way a link is mailed to the address, and following it makes the
address the user's, confirmed; until then nothing changes.

An account reaches people outside it (email and SMS, integrations, sub-accounts) only once its
agency's owner has confirmed their email: the router's tokens say so (`owner_verified`), so
the sessions of the accounts such an owner's confirmation opens read it again at once.
"""

from datetime import timedelta

from pymongo.errors import DuplicateKeyError
from redis.asyncio import Redis

from internal_api.auth import links, repository
from internal_api.auth.errors import ConfirmationTokenInvalid, EmailAlreadyVerified, EmailTaken
from internal_api.settings import InternalApiSettings
from internal_api.users import repository as users
from shared.domain.notifications import dashboard_paths
from shared.domain.notifications.platform import tell
from shared.models.user import User
from shared.models.user_token import TokenPurpose
from shared.utilities import sessions
from shared.utilities.errors import NotFound
from shared.utilities.secret_tokens import new_token


async def send_confirmation(user: User, email: str, settings: InternalApiSettings) -> None:
    """Mails `email` a link that makes it the user's confirmed email (replacing any link
    mailed before)."""
    minutes = settings.email_confirmation_minutes
    token = new_token()
    await links.store(
        user, TokenPurpose.EMAIL_CONFIRMATION, email, token, timedelta(minutes=minutes)
    )
    account_id = await links.branding_account(user)
    if account_id is None:
        return  # a user of no account cannot sign in to follow it
    await tell(
        "email_verification",
        account_id,
        {"expires_in_minutes": str(minutes)},
        to=email,
        links={"verify_url": dashboard_paths.confirm_email(token)},
    )


async def send_again(
    user_id: str, client_ip: str, redis: Redis, settings: InternalApiSettings
) -> None:
    """A new link to confirm the user's email, counted against the address and the client."""
    user = await users.user(user_id)
    if user is None:
        raise NotFound("The user no longer exists.")
    if user.email_verified_at is not None:
        raise EmailAlreadyVerified()
    await links.count_link(redis, user.email, client_ip, settings)
    await send_confirmation(user, user.email, settings)


async def confirm(token: str, redis: Redis) -> None:
    """The link's address becomes the user's, confirmed. Nothing changes for a link unknown,
    expired, used or replaced (ConfirmationTokenInvalid), nor when another user has taken the
    address since (EmailTaken)."""
    record = await links.redeem(token, TokenPurpose.EMAIL_CONFIRMATION)
    user = await users.user(record.user_id) if record else None
    if record is None or user is None:
        raise ConfirmationTokenInvalid()
    first_confirmation = user.email_verified_at is None
    try:
        await users.set_confirmed_email(record.user_id, record.email)
    except DuplicateKeyError:
        await repository.release_token(record)
        raise EmailTaken(details=[{"field": "email", "message": "already taken"}]) from None
    if first_confirmation:
        owned = await repository.agencies_and_sub_accounts_owned_by(record.user_id)
        await sessions.refresh(redis, await repository.sessions_in(owned))
