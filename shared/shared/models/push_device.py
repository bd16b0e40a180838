"""A device a user receives push notifications on: the FCM registration token or Expo push
token the mobile app registered (`/v1/mobile-app/devices`).

Devices are the user's, not an account's, so there is no `account_id`: a user receives the
pushes of every account they are a user of on each of their devices. A token belongs to one
device, so it is stored once (unique): registering it again updates it, and a token another
user registers (a phone that changed hands) moves to them.
"""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import BaseDocument


class PushKind(StrEnum):
    """Which provider the token is for, and so which one sends to it."""

    FCM = "fcm"
    EXPO = "expo"


class Platform(StrEnum):
    IOS = "ios"
    ANDROID = "android"
    WEB = "web"


class PushDevice(BaseDocument):
    user_id: PydanticObjectId
    kind: PushKind
    token: str
    # The app's own id for its install (not the device's `id`): it stays when the provider
    # refreshes the token.
    install_id: str
    name: str = ""  # "Grace's Pixel", as the app names it
    platform: Platform | None = None
    app_version: str = ""
    # Its last registration: the app registers on every start.
    last_seen_at: datetime

    class Settings:
        name = "push_devices"
        use_state_management = True
        indexes = [
            IndexModel([("token", ASCENDING)], unique=True),
            # A user's devices, most recently seen first (their list, a push's fan-out).
            IndexModel([("user_id", ASCENDING), ("last_seen_at", DESCENDING)]),
            IndexModel([("user_id", ASCENDING), ("created_at", DESCENDING)]),
            # The install's older tokens, replaced by a new one.
            IndexModel([("user_id", ASCENDING), ("install_id", ASCENDING)]),
        ]
