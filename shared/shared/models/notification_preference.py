"""What one user of an account wants to receive: channels, kinds of notification, quiet hours."""

from pydantic import BaseModel, Field
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument
from shared.models.notification_template import Channel

TIME_OF_DAY = r"^([01]\d|2[0-3]):[0-5]\d$"


class QuietHours(BaseModel):
    """From `start` to `end` (HH:MM, in `timezone`), crossing midnight when `end` < `start`."""

    start: str = Field(pattern=TIME_OF_DAY)
    end: str = Field(pattern=TIME_OF_DAY)
    timezone: str  # IANA name, "Europe/Paris"


class NotificationPreference(TenantDocument):
    user_id: str  # the token subject of the user
    # A channel missing from the map is on.
    channels: dict[Channel, bool] = {}
    # event -> channel -> on; a pair missing from the map is on.
    events: dict[str, dict[Channel, bool]] = {}
    # Off once the user unsubscribes from a marketing email.
    marketing_email: bool = True
    quiet_hours: QuietHours | None = None

    class Settings:
        name = "notification_preferences"
        use_state_management = True
        indexes = [IndexModel([("account_id", ASCENDING), ("user_id", ASCENDING)], unique=True)]
