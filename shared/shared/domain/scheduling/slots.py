"""Which starts of an event type can be booked, from its hosts' calendars: pure, so every rule
is tested without a database.

A start is a slot when the meeting fits in a host's hours on the event type's grid (every
`interval_minutes` from the start of the hours), is at least `min_notice_minutes` from now and
at most `booking_window_days` ahead, and the host is free: nothing they hold overlaps the
meeting widened by its buffers, and their day (in their own zone) has fewer than
`max_per_day` bookings of the event type. One free host makes a slot of a one-on-one or
round-robin event type; a collective one needs every host free.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from beanie import PydanticObjectId

from shared.domain.scheduling.windows import Interval, local_date
from shared.models.event_type import EventType, EventTypeKind


@dataclass(frozen=True)
class HostCalendar:
    """One host's time around the range asked for."""

    user_id: PydanticObjectId
    time_zone: str  # their schedule's, where their days are counted
    hours: Sequence[Interval]  # when they take meetings
    busy: Sequence[Interval] = ()  # what they hold already (bookings, Google Calendar)
    booked_per_day: dict[date, int] = field(default_factory=dict)  # of this event type


@dataclass(frozen=True)
class Slot:
    start: datetime
    host_ids: list[PydanticObjectId]  # the hosts free then


def meeting_at(event_type: EventType, start: datetime) -> Interval:
    return Interval(start, start + timedelta(minutes=event_type.duration_minutes))


def occupied_at(event_type: EventType, start: datetime) -> Interval:
    """The time a meeting at `start` takes of its hosts: its buffers included."""
    return meeting_at(event_type, start).widened(
        timedelta(minutes=event_type.buffer_before_minutes),
        timedelta(minutes=event_type.buffer_after_minutes),
    )


def bookable_between(event_type: EventType, now: datetime) -> Interval:
    """When a meeting may start: after the minimum notice, within the booking window."""
    earliest = now + timedelta(minutes=event_type.min_notice_minutes)
    return Interval(earliest, now + timedelta(days=event_type.booking_window_days))


def grid_starts(event_type: EventType, host: HostCalendar) -> Iterable[datetime]:
    """Every start on the event type's grid where the meeting fits the host's hours."""
    step = timedelta(minutes=event_type.interval_minutes)
    length = timedelta(minutes=event_type.duration_minutes)
    for hours in host.hours:
        start = hours.start
        while start + length <= hours.end:
            yield start
            start += step


def grids_of(event_type: EventType, hosts: Sequence[HostCalendar]) -> list[set[datetime]]:
    """Each host's grid starts, in the hosts' order."""
    return [set(grid_starts(event_type, host)) for host in hosts]


def is_free(event_type: EventType, host: HostCalendar, start: datetime) -> bool:
    occupied = occupied_at(event_type, start)
    if any(held.overlaps(occupied) for held in host.busy):
        return False
    if event_type.max_per_day is not None:
        day = local_date(start, ZoneInfo(host.time_zone))
        return host.booked_per_day.get(day, 0) < event_type.max_per_day
    return True


def open_slots(
    event_type: EventType, hosts: Sequence[HostCalendar], within: Interval, now: datetime
) -> list[Slot]:
    """The slots starting within `within`, in order."""
    bookable = bookable_between(event_type, now)
    grids = grids_of(event_type, hosts)
    slots = []
    for start in sorted(set().union(*grids)):
        if not (within.start <= start < within.end and bookable.start <= start <= bookable.end):
            continue
        if slot := slot_on(event_type, hosts, grids, start):
            slots.append(slot)
    return slots


def slot_at(event_type: EventType, hosts: Sequence[HostCalendar], start: datetime) -> Slot | None:
    """The slot at `start` with its free hosts, or None when it is no slot (notice and
    window aside: `open_slots` and the booking check them)."""
    return slot_on(event_type, hosts, grids_of(event_type, hosts), start)


def slot_on(
    event_type: EventType,
    hosts: Sequence[HostCalendar],
    grids: Sequence[set[datetime]],
    start: datetime,
) -> Slot | None:
    offering = [host for host, grid in zip(hosts, grids, strict=True) if start in grid]
    free = [host.user_id for host in offering if is_free(event_type, host, start)]
    if event_type.kind is EventTypeKind.COLLECTIVE:
        everyone = len(offering) == len(hosts) and len(free) == len(hosts)
        return Slot(start, free) if everyone else None
    return Slot(start, free) if free else None


def offered_without_busy(
    event_type: EventType, hosts: Sequence[HostCalendar], start: datetime
) -> bool:
    """Whether `start` would be a slot were its hosts free: a start that is not is no slot at
    all (422), one that is was taken (409)."""
    offering = [grid for grid in grids_of(event_type, hosts) if start in grid]
    if event_type.kind is EventTypeKind.COLLECTIVE:
        return len(offering) == len(hosts)
    return bool(offering)
