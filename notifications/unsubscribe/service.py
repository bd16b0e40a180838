"""Unsubscribe tokens and what following one does.

A token is an HS256 JWT naming the account and the user; it has no expiry (a link in an old
email must still work) and is good for nothing else. Following it turns the user's marketing
email off in that account.
"""

import hashlib

import jwt

from notifications.preferences.service import unsubscribe_from_marketing
from notifications.settings import NotificationsSettings
from shared.utilities.errors import NotFound
from shared.utilities.keys import development_key_pair

PURPOSE = "unsubscribe"
UNSUBSCRIBE_PATH = "/v1/notifications/unsubscribe/"


def secret_of(settings: NotificationsSettings) -> str:
    if secret := settings.unsubscribe_secret.get_secret_value():
        return secret
    # Embedded mode (distributed requires a secret): derived from a development key every local
    # process shares; hashed, as PyJWT will not take a PEM for an HMAC secret.
    return hashlib.sha256(development_key_pair("unsubscribe-links")[0].encode()).hexdigest()


def unsubscribe_token(settings: NotificationsSettings, account_id: str, user_id: str) -> str:
    claims = {"purpose": PURPOSE, "account_id": account_id, "sub": user_id}
    return jwt.encode(claims, secret_of(settings), algorithm="HS256")


def unsubscribe_url(settings: NotificationsSettings, account_id: str, user_id: str) -> str:
    token = unsubscribe_token(settings, account_id, user_id)
    return f"{settings.public_url.rstrip('/')}{UNSUBSCRIBE_PATH}{token}"


def unsubscribe_headers(url: str) -> dict[str, str]:
    """What lets a mail client offer its own one-click unsubscribe button (RFC 8058)."""
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def read_token(settings: NotificationsSettings, token: str) -> tuple[str, str]:
    """(account id, user id) of a genuine token; a forged or mangled one is NotFound, as for
    a link that never existed."""
    try:
        claims = jwt.decode(
            token,
            secret_of(settings),
            algorithms=["HS256"],
            options={"require": ["sub", "account_id", "purpose"]},
        )
    except jwt.PyJWTError:
        raise NotFound("This unsubscribe link is not valid.") from None
    if claims["purpose"] != PURPOSE:
        raise NotFound("This unsubscribe link is not valid.")
    return claims["account_id"], claims["sub"]


async def unsubscribe(settings: NotificationsSettings, token: str) -> None:
    account_id, user_id = read_token(settings, token)
    await unsubscribe_from_marketing(account_id, user_id)
