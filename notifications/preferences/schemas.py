from datetime import datetime
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, Field, field_validator

from notifications.templates.schemas import EVENT_PATTERN
from shared.models.notification_preference import NotificationPreference, QuietHours
from shared.models.notification_template import Channel


class QuietHoursIn(QuietHours):
    @field_validator("timezone")
    @classmethod
    def known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not an IANA timezone (say, Europe/Paris)") from None
        return value


class PreferenceUpdate(BaseModel):
    """Only what is given changes; `channels` and `events` are merged into what is stored, and
    `quiet_hours: null` turns quiet hours off."""

    channels: dict[Channel, bool] | None = None
    events: dict[Annotated[str, Field(pattern=EVENT_PATTERN)], dict[Channel, bool]] | None = None
    marketing_email: bool | None = None
    quiet_hours: QuietHoursIn | None = None


class PreferenceRead(BaseModel):
    user_id: str
    channels: dict[Channel, bool]
    events: dict[str, dict[Channel, bool]]
    marketing_email: bool
    quiet_hours: QuietHours | None
    updated_at: datetime | None

    @classmethod
    def of(cls, preference: NotificationPreference) -> "PreferenceRead":
        return cls(
            user_id=str(preference.user_id),
            channels={channel: preference.channels.get(channel, True) for channel in Channel},
            events=preference.events,
            marketing_email=preference.marketing_email,
            quiet_hours=preference.quiet_hours,
            updated_at=preference.updated_at if preference.id else None,
        )
