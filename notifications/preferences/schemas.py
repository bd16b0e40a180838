from datetime import datetime
from typing import Annotated, Any, Self
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ModelWrapValidatorHandler, field_validator, model_validator

from notifications.templates.schemas import EVENT_PATTERN
from shared.models.notification_preference import QuietHours
from shared.models.notification_template import Channel
from shared.utilities.schemas import IdStr, ReadModel, WriteModel


class QuietHoursIn(QuietHours, WriteModel):
    @field_validator("timezone")
    @classmethod
    def known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not an IANA timezone (say, Europe/Paris)") from None
        return value


class PreferenceUpdate(WriteModel):
    """Only what is given changes; `channels` and `events` are merged into what is stored, and
    `quiet_hours: null` turns quiet hours off."""

    channels: dict[Channel, bool] | None = None
    events: dict[Annotated[str, Field(pattern=EVENT_PATTERN)], dict[Channel, bool]] | None = None
    marketing_email: bool | None = None
    quiet_hours: QuietHoursIn | None = None


class PreferenceRead(ReadModel):
    user_id: IdStr
    channels: dict[Channel, bool] = Field(description="every channel, on unless turned off")
    events: dict[str, dict[Channel, bool]]
    marketing_email: bool
    quiet_hours: QuietHours | None
    updated_at: datetime | None = Field(description="null until the user changes something")

    @field_validator("channels", mode="after")
    @classmethod
    def every_channel(cls, channels: dict[Channel, bool]) -> dict[Channel, bool]:
        return {channel: channels.get(channel, True) for channel in Channel}

    @model_validator(mode="wrap")
    @classmethod
    def unsaved_is_not_updated(cls, source: Any, handler: ModelWrapValidatorHandler[Self]) -> Self:
        read = handler(source)
        # The defaults of a user who never changed them are not stored: nothing updated them.
        if getattr(source, "id", True) is None:
            read.updated_at = None
        return read
