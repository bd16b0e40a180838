import re
from datetime import datetime

from pydantic import Field, ValidationInfo, field_validator

from shared.models.push_device import Platform, PushKind
from shared.utilities.schemas import DocumentRead, WriteModel

# Expo documents its tokens as `ExponentPushToken[...]` (`ExpoPushToken[...]` also exists).
EXPO_TOKEN = re.compile(r"(ExponentPushToken|ExpoPushToken)\[[A-Za-z0-9_-]{1,256}\]")
# FCM registration tokens are about 150 to 170 URL-safe characters (`:` after the instance
# id); 100 at least also refuses an APNs device token (64 hex digits) sent by mistake. FCM
# accepts up to 4 KB.
FCM_TOKEN = re.compile(r"[A-Za-z0-9_:.-]{100,4096}")
TOKEN_SHAPES = {
    PushKind.EXPO: (EXPO_TOKEN, "an Expo push token: ExponentPushToken[...]"),
    PushKind.FCM: (FCM_TOKEN, "an FCM registration token: 100 to 4096 letters, digits, -_:."),
}


class DeviceCreate(WriteModel):
    kind: PushKind = Field(description="`fcm` for an FCM registration token, `expo` for Expo's")
    token: str = Field(max_length=4096, description="the push token the provider gave the app")
    install_id: str = Field(
        min_length=1,
        max_length=200,
        description="the app's own id for its install; a new token for it replaces the old one",
    )
    name: str = Field("", max_length=100, description="how the user knows the device")
    platform: Platform | None = None
    app_version: str = Field("", max_length=50)

    @field_validator("token")
    @classmethod
    def token_of_its_kind(cls, token: str, info: ValidationInfo) -> str:
        kind = info.data.get("kind")
        if kind is None:  # the kind is refused already, and named
            return token
        pattern, shape = TOKEN_SHAPES[kind]
        if not pattern.fullmatch(token):
            raise ValueError(f"must be {shape}")
        return token


class DeviceRead(DocumentRead):
    kind: PushKind
    token: str
    install_id: str
    name: str
    platform: Platform | None
    app_version: str
    last_seen_at: datetime
