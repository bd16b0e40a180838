"""When a scheduled report goes out: at its local hour on its weekday (weekly) or day of the
month (monthly), in its own time zone, whatever the offset to UTC is that day.

Runs are found by local date, one per matching date, so a daylight-saving change neither skips
nor repeats one: on the night clocks go back, an hour that happens twice is taken the first
time (`fold=0`); on the night they go forward, an hour that does not exist is read with the
offset before the change, which lands an hour later in wall-clock time, once.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from shared.models.client_report import Frequency, ReportSchedule

# Monthly runs are on days 1-28: one is found within two months of any moment.
SEARCH_DAYS = 62


def runs_on(schedule: ReportSchedule, day: date) -> bool:
    if schedule.frequency is Frequency.WEEKLY:
        return day.weekday() == schedule.weekday
    return day.day == schedule.day_of_month


def next_run(schedule: ReportSchedule, after: datetime) -> datetime:
    """The first run strictly after `after`, in UTC."""
    zone = ZoneInfo(schedule.time_zone)
    day = after.astimezone(zone).date()
    for _ in range(SEARCH_DAYS):
        if runs_on(schedule, day):
            due = datetime.combine(day, time(schedule.hour), zone).astimezone(UTC)
            if due > after:
                return due
        day += timedelta(days=1)
    raise AssertionError("a schedule runs at least every two months")
