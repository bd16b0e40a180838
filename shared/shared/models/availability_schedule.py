"""A user's availability: the hours they take meetings in each week, in one IANA time zone,
with dates that differ (an override's own hours, or none) and holidays (no hours at all).

Times are wall-clock times in the schedule's zone (`"09:00"`, an end may be `"24:00"`); the
instants they stand for are found with zoneinfo on each date (`shared.domain.scheduling.windows`),
so 09:00 stays 09:00 across daylight-saving changes. A schedule is written only through the
scheduling module; event types name one per host.
"""

from datetime import date

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class TimeWindow(BaseModel):
    start: str  # "HH:MM", wall-clock time in the schedule's zone
    end: str  # "HH:MM" after start, or "24:00"


class WeeklyHours(TimeWindow):
    weekday: int  # 0 Monday ... 6 Sunday, as `date.weekday()`


class DateOverride(BaseModel):
    """The hours of one date instead of its weekday's; none: unavailable that date."""

    date: date
    windows: list[TimeWindow] = []


class Holiday(BaseModel):
    """Dates off, from `start` to `end` inclusive."""

    start: date
    end: date
    name: str = ""


class AvailabilitySchedule(TenantDocument):
    user_id: PydanticObjectId
    name: str
    time_zone: str  # IANA, e.g. Europe/Paris
    weekly_hours: list[WeeklyHours] = []
    date_overrides: list[DateOverride] = []
    holidays: list[Holiday] = []
    # Busy times of the user's Google Calendar block it when the account's Google Calendar is
    # connected: this calendar (the user's email, their primary calendar, by default).
    google_calendar_id: str | None = None
    use_google_calendar: bool = True

    class Settings:
        name = "availability_schedules"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            IndexModel([("account_id", ASCENDING), ("user_id", ASCENDING)]),
        ]
