"""When a recurring task comes next: every `interval` days, weeks or months from its due date,
at the same wall-clock time in the task's zone (09:00 in Paris stays 09:00 across daylight
saving), computed with dateutil's rrule. A monthly task due on a day some months lack (the
31st) comes on the last day of those months, and on its own day again in the others."""

from datetime import datetime
from typing import Any, Literal
from zoneinfo import ZoneInfo

from dateutil.rrule import DAILY, MONTHLY, WEEKLY, rrule

from shared.domain.projects.checks import in_utc
from shared.models.project_task import Frequency, Recurrence

FREQUENCIES: dict[Frequency, Literal[0, 1, 2, 3, 4, 5, 6]] = {
    Frequency.DAILY: DAILY,
    Frequency.WEEKLY: WEEKLY,
    Frequency.MONTHLY: MONTHLY,
}
# Every month has a 28th.
SURE_DAY = 28


def next_due(due_at: datetime, time_zone: str, recurrence: Recurrence, now: datetime) -> datetime:
    """The series' first occurrence after both this due date and `now` (occurrences missed
    while nothing ran are skipped, not made one by one), in UTC."""
    zone = ZoneInfo(time_zone)

    def local(moment: datetime) -> datetime:
        return moment.astimezone(zone).replace(tzinfo=None)

    anchor = local(recurrence.starts_at or due_at)
    rule = rrule(
        FREQUENCIES[recurrence.frequency],
        interval=recurrence.interval,
        dtstart=anchor,
        **monthly_day(anchor, recurrence),
    )
    following = rule.after(max(local(due_at), local(now)))
    assert following is not None, "an rrule without an end goes on"
    utc = in_utc(following.replace(tzinfo=zone), zone)
    assert utc is not None
    return utc


def monthly_day(due: datetime, recurrence: Recurrence) -> dict[str, Any]:
    """For a monthly rule past the 28th: the task's day, or the month's last before it."""
    if recurrence.frequency is not Frequency.MONTHLY or due.day <= SURE_DAY:
        return {}
    return {"bymonthday": tuple(range(SURE_DAY, due.day + 1)), "bysetpos": -1}
