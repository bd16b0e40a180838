"""Links mailed to users (confirm an email address, reset a password): a random single-use
token whose SHA-256 alone is stored (the link itself is made on the account's domain when the
message is sent: `shared.domain.notifications.platform`). Links are counted per address and per
client, so they cannot be used to fill someone's inbox."""

import math
import time
from datetime import timedelta

from beanie import PydanticObjectId
from redis.asyncio import Redis

from internal_api.auth import repository
from internal_api.auth.errors import EmailLinksThrottled
from internal_api.settings import InternalApiSettings
from shared.models.base import utc_now
from shared.models.user import User
from shared.models.user_token import TokenPurpose, UserToken
from shared.utilities.quotas import Counter, Quotas
from shared.utilities.secret_tokens import hash_token

KEY_PREFIX = "email-links:"


async def store(
    user: User, purpose: TokenPurpose, email: str, token: str, lifetime: timedelta
) -> None:
    """The user's token for the purpose, replacing any older one."""
    assert user.id is not None, "a stored user"
    expires_at = utc_now() + lifetime
    await repository.replace_token(user.id, purpose, hash_token(token), email, expires_at)


async def usable(token: str, purpose: TokenPurpose) -> UserToken | None:
    """The token's record while it may be redeemed: known, unused and unexpired."""
    record = await repository.token_by_hash(hash_token(token), purpose)
    if record is None or record.used_at is not None or record.expires_at <= utc_now():
        return None
    return record


async def redeem(token: str, purpose: TokenPurpose) -> UserToken | None:
    """The token's record, marked used (once: a second redemption answers None)."""
    record = await usable(token, purpose)
    return record if record and await repository.claim_token(record) else None


async def branding_account(user: User) -> PydanticObjectId | None:
    """The account whose branding the user's mail carries: their default one, else their first."""
    if user.default_account_id:
        return PydanticObjectId(user.default_account_id)
    first = await repository.first_membership(user.id) if user.id else None
    return first.account_id if first else None


def key(kind: str, value: str) -> str:
    # Hashed, so Redis holds no email addresses.
    return f"{KEY_PREFIX}{kind}:{hash_token(value)}"


async def count_link(
    redis: Redis, email: str, client_ip: str, settings: InternalApiSettings
) -> None:
    """Counts a link asked for, to this address from this client, or raises EmailLinksThrottled
    (with Retry-After) when either has had its share of the window."""
    counters = [Counter(key("address", email), settings.email_links_per_address, "address")]
    if client_ip:
        counters.append(
            Counter(key("client", client_ip), settings.email_links_per_client, "client")
        )
    window_ends = math.ceil(time.time()) + settings.email_links_window_seconds
    refusal = await Quotas(redis).take(counters, 1, window_ends)
    if refusal:
        seconds = refusal.seconds_left
        raise EmailLinksThrottled(
            f"Too many links asked for; try again in {seconds} seconds.",
            headers={"Retry-After": str(seconds)},
        )
