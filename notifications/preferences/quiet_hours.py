"""When quiet hours are on, and when they end, in the user's own timezone."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from shared.models.notification_preference import QuietHours


def time_of(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def quiet_until(quiet: QuietHours, now: datetime) -> datetime | None:
    """The moment (UTC-aware, as `now`) the quiet hours around `now` end; None when `now` is
    outside them. Equal start and end mean no quiet hours."""
    zone = ZoneInfo(quiet.timezone)
    local = now.astimezone(zone)
    start, end = time_of(quiet.start), time_of(quiet.end)
    clock = local.time().replace(second=0, microsecond=0)
    if start == end:
        return None
    # When the end comes first, the quiet hours cross midnight (22:00-07:00).
    inside = start <= clock < end if start < end else clock >= start or clock < end
    if not inside:
        return None
    end_day = local.date() if clock < end else local.date() + timedelta(days=1)
    # Built as a wall-clock time in the zone, so a DST change in between lands right.
    return datetime.combine(end_day, end, tzinfo=zone).astimezone(now.tzinfo)
