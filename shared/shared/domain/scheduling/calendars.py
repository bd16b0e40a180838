"""The hosts' calendars around a range (`slots.HostCalendar`), read from the database and,
where the account has connected Google Calendar, from Google's free/busy:

- hours: each host's schedule (`windows.available`);
- busy: the blocks they hold in any account (`HostReservations`) and their Google busy times;
- bookings of the event type per day, for `max_per_day`.

`BusyTimes` is how Google's busy times come in: the internal API's is a client of the external
API (which alone holds the account's Google tokens); None reads none.
"""

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Protocol
from zoneinfo import ZoneInfo

from beanie import PydanticObjectId

from shared.domain.accounts import repository as accounts
from shared.domain.scheduling.repository import (
    BookingRepository,
    HostReservations,
    ScheduleRepository,
)
from shared.domain.scheduling.reservations import BLOCK
from shared.domain.scheduling.slots import HostCalendar
from shared.domain.scheduling.windows import Interval, available, local_date
from shared.models.availability_schedule import AvailabilitySchedule
from shared.models.event_type import EventType

DAY = timedelta(days=1)


class BusyTimes(Protocol):
    async def busy(
        self, account_id: PydanticObjectId, calendar_ids: Sequence[str], within: Interval
    ) -> dict[str, list[Interval]]:
        """Each calendar's busy intervals within `within`; {} when the account has not
        connected Google Calendar. Raises `CalendarUnavailable` when it cannot be read."""
        ...


async def host_calendars(
    event_type: EventType,
    within: Interval,
    busy_times: BusyTimes | None,
    ignoring: PydanticObjectId | None = None,
) -> list[HostCalendar]:
    """Each host's calendar for meetings starting within `within`, in the event type's order
    of hosts; `ignoring` a booking being moved, whose time is free to its move."""
    reach = Interval(
        within.start - timedelta(minutes=event_type.buffer_before_minutes) - BLOCK,
        within.end
        + timedelta(minutes=event_type.duration_minutes + event_type.buffer_after_minutes),
    )
    schedules = await ScheduleRepository(event_type.account_id).by_ids(
        host.schedule_id for host in event_type.hosts
    )
    google = await google_busy(event_type, schedules, reach, busy_times)
    calendars = []
    for host in event_type.hosts:
        schedule = schedules.get(host.schedule_id)
        if schedule is None:  # deleted since: the host offers nothing
            continue
        busy = [*await reserved(host.user_id, reach, ignoring), *google.get(host.user_id, [])]
        per_day = await booked_per_day(event_type, host.user_id, schedule, within, ignoring)
        hours = available(schedule, Interval(within.start, reach.end))
        calendars.append(
            HostCalendar(host.user_id, schedule.time_zone, hours, busy, booked_per_day=per_day)
        )
    return calendars


async def reserved(
    user_id: PydanticObjectId, reach: Interval, ignoring: PydanticObjectId | None
) -> list[Interval]:
    blocks = await HostReservations(user_id).blocks_within(reach, ignoring)
    return [
        Interval(block.starts_at, block.starts_at + BLOCK) for block in blocks if block.starts_at
    ]


async def booked_per_day(
    event_type: EventType,
    user_id: PydanticObjectId,
    schedule: AvailabilitySchedule,
    within: Interval,
    ignoring: PydanticObjectId | None,
) -> dict[date, int]:
    if event_type.max_per_day is None:
        return {}
    assert event_type.id is not None
    zone = ZoneInfo(schedule.time_zone)
    days = Interval(within.start - DAY, within.end + DAY)
    counts: dict[date, int] = {}
    for booking in await BookingRepository(event_type.account_id).confirmed_of(
        event_type.id, user_id, days
    ):
        if booking.id != ignoring:
            day = local_date(booking.start_at, zone)
            counts[day] = counts.get(day, 0) + 1
    return counts


async def google_busy(
    event_type: EventType,
    schedules: dict[PydanticObjectId, AvailabilitySchedule],
    reach: Interval,
    busy_times: BusyTimes | None,
) -> dict[PydanticObjectId, list[Interval]]:
    """Each host's Google busy times, read in one call for all of them."""
    if busy_times is None:
        return {}
    calendar_of: dict[PydanticObjectId, str] = {}
    for host in event_type.hosts:
        schedule = schedules.get(host.schedule_id)
        if schedule and schedule.use_google_calendar:
            calendar_id = schedule.google_calendar_id or await email_of(host.user_id)
            if calendar_id:
                calendar_of[host.user_id] = calendar_id
    if not calendar_of:
        return {}
    found = await busy_times.busy(event_type.account_id, sorted(set(calendar_of.values())), reach)
    return {user_id: found.get(calendar_id, []) for user_id, calendar_id in calendar_of.items()}


async def email_of(user_id: PydanticObjectId) -> str | None:
    user = await accounts.user(user_id)
    return user.email if user else None
