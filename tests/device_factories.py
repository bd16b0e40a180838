"""Factories for push devices: tokens in the shapes FCM and Expo give apps, and a stored device."""

import secrets

from shared.models.base import utc_now
from shared.models.push_device import PushDevice, PushKind
from shared.models.user import User


def fcm_token() -> str:
    """An FCM registration token's shape: the instance id, `:`, then about 140 characters."""
    return f"{secrets.token_urlsafe(16)}:APA91b{secrets.token_urlsafe(105)}"


def expo_token() -> str:
    return f"ExponentPushToken[{secrets.token_urlsafe(16)}]"


async def create_device(user: User, **overrides) -> PushDevice:
    """An Android phone of the user's with an FCM token."""
    fields = {
        "user_id": user.id,
        "kind": PushKind.FCM,
        "token": fcm_token(),
        "install_id": secrets.token_hex(8),
        "name": "Pixel 8",
        "platform": "android",
        "last_seen_at": utc_now(),
    }
    return await PushDevice(**{**fields, **overrides}).insert()
