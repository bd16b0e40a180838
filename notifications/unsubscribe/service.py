"""Unsubscribe tokens and what following one does.

A token is an HS256 JWT for the `unsubscribe` audience naming the account and the user, good for
nothing else; it expires NOTIFICATIONS_UNSUBSCRIBE_LINK_DAYS after its email was sent (a year by
default: long past the 30 days the law asks an opt-out to keep working). Its key is
NOTIFICATIONS_UNSUBSCRIBE_SECRET, at least 32 random bytes (distributed mode refuses to start
without). Following a genuine token turns the user's marketing email off in that account.
"""

import hashlib
import time

import jwt

from notifications.preferences.service import unsubscribe_from_marketing
from notifications.settings import NotificationsSettings, random_key
from notifications.unsubscribe.errors import LinkExpired, LinkNotValid
from shared.utilities.keys import development_key_pair

AUDIENCE = "unsubscribe"
UNSUBSCRIBE_PATH = "/v1/notifications/unsubscribe/"
DAY_SECONDS = 24 * 3600


def key_of(settings: NotificationsSettings) -> bytes:
    if key := random_key(settings.unsubscribe_secret.get_secret_value()):
        return key
    # Embedded mode (distributed requires a secret): derived from a development key every local
    # process shares.
    return hashlib.sha256(development_key_pair("unsubscribe-links")[0].encode()).digest()


def unsubscribe_token(
    settings: NotificationsSettings, account_id: str, user_id: str, now: float | None = None
) -> str:
    issued = int(time.time() if now is None else now)
    claims = {
        "aud": AUDIENCE,
        "sub": user_id,
        "account_id": account_id,
        "iat": issued,
        "exp": issued + settings.unsubscribe_link_days * DAY_SECONDS,
    }
    return jwt.encode(claims, key_of(settings), algorithm="HS256")


def unsubscribe_url(settings: NotificationsSettings, account_id: str, user_id: str) -> str:
    token = unsubscribe_token(settings, account_id, user_id)
    return f"{settings.public_url.rstrip('/')}{UNSUBSCRIBE_PATH}{token}"


def unsubscribe_headers(url: str) -> dict[str, str]:
    """What lets a mail client offer its own one-click unsubscribe button (RFC 8058)."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def read_token(settings: NotificationsSettings, token: str) -> tuple[str, str]:
    """(account id, user id) of a genuine, unexpired token."""
    try:
        claims = jwt.decode(
            token,
            key_of(settings),
            algorithms=["HS256"],
            audience=AUDIENCE,
            options={"require": ["aud", "exp", "sub", "account_id"]},
        )
    except jwt.ExpiredSignatureError:
        raise LinkExpired() from None
    except jwt.PyJWTError:
        raise LinkNotValid() from None
    return str(claims["account_id"]), str(claims["sub"])


async def unsubscribe(settings: NotificationsSettings, token: str) -> None:
    account_id, user_id = read_token(settings, token)
    await unsubscribe_from_marketing(account_id, user_id)
