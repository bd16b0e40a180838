"""Wall-clock hours made instants: a schedule's hours on each date of a range, in UTC, found
with zoneinfo on that very date, so "09:00 to 17:00 in Europe/Paris" is 08:00-16:00 UTC in
winter and 07:00-15:00 UTC in summer, and the day the clocks change has its own length.

A wall time the clocks skip (02:30 on the night they go forward) is read with the offset before
the change, i.e. as the time the clocks show once moved (03:30); one they show twice (02:30 on
the night they go back) is its first occurrence. A window the change swallows whole is empty.
"""

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from shared.models.availability_schedule import AvailabilitySchedule, TimeWindow

DAY_MINUTES = 24 * 60


@dataclass(frozen=True, order=True)
class Interval:
    """[start, end) between two aware instants."""

    start: datetime
    end: datetime

    def overlaps(self, other: "Interval") -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, other: "Interval") -> bool:
        return self.start <= other.start and other.end <= self.end

    def widened(self, before: timedelta, after: timedelta) -> "Interval":
        return Interval(self.start - before, self.end + after)


def wall_minutes(text: str) -> int:
    """Minutes after midnight of "HH:MM" ("24:00" is the next midnight)."""
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def instant(day: date, minutes: int, zone: ZoneInfo) -> datetime:
    """The UTC instant of the wall time `minutes` after midnight of `day` in `zone`."""
    day, minutes = day + timedelta(days=minutes // DAY_MINUTES), minutes % DAY_MINUTES
    local = datetime.combine(day, time(minutes // 60, minutes % 60), tzinfo=zone)
    return local.astimezone(UTC)


def local_date(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()


def hours_of(schedule: AvailabilitySchedule, day: date) -> Sequence[TimeWindow]:
    """The date's hours: none on a holiday, an override's own, else its weekday's."""
    if any(holiday.start <= day <= holiday.end for holiday in schedule.holidays):
        return ()
    for override in schedule.date_overrides:
        if override.date == day:
            return override.windows
    return [hours for hours in schedule.weekly_hours if hours.weekday == day.weekday()]


def dates_between(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


def available(schedule: AvailabilitySchedule, within: Interval) -> list[Interval]:
    """The schedule's hours on every local date `within` touches, as UTC intervals in order.
    They are whole (not cut at `within`'s ends) and merged within a date only, so a slot grid
    starts where the hours do, whatever range is asked for."""
    zone = ZoneInfo(schedule.time_zone)
    found = []
    for day in dates_between(local_date(within.start, zone), local_date(within.end, zone)):
        windows = [
            Interval(
                instant(day, wall_minutes(window.start), zone),
                instant(day, wall_minutes(window.end), zone),
            )
            for window in hours_of(schedule, day)
        ]
        found += merged([window for window in windows if window.start < window.end])
    return found


def merged(intervals: Sequence[Interval]) -> list[Interval]:
    """Overlapping or touching intervals as one."""
    result: list[Interval] = []
    for interval in sorted(intervals):
        if result and interval.start <= result[-1].end:
            result[-1] = Interval(result[-1].start, max(result[-1].end, interval.end))
        else:
            result.append(interval)
    return result
