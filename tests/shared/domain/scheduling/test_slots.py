"""Which starts of an event type are slots: on its grid within a host's hours, after the
minimum notice and within the booking window, with the host free around it (buffers, their
day's cap); one free host for one-on-one and round-robin, all of them for collective."""

from datetime import date, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

import pytest
from beanie import PydanticObjectId

from shared.domain.scheduling.slots import HostCalendar, open_slots
from shared.domain.scheduling.windows import Interval, available
from shared.models.event_type import EventType, EventTypeKind, Location, LocationKind
from tests.factories import create_user
from tests.shared.domain.scheduling.factories import every_day, local, schedule_of

DAY = date(2027, 5, 3)  # a Monday, far from any change
FAR_BEFORE = local(date(2026, 12, 1), "09:00", "UTC")


@pytest.fixture
async def user(mongo):
    return await create_user()


def event_type(**overrides) -> EventType:
    fields = {
        "account_id": PydanticObjectId(),
        "name": "Call",
        "hosts": [],
        "duration_minutes": 30,
        "booking_window_days": 3650,
        "location": Location(kind=LocationKind.PHONE),
    }
    return EventType(**{**fields, **overrides})


def calendar(user, schedule, within: Interval, busy=(), per_day=None) -> HostCalendar:
    hours = available(schedule, within)
    return HostCalendar(user.id, schedule.time_zone, hours, list(busy), per_day or {})


def whole_days(first: date, last: date, zone: str) -> Interval:
    return Interval(local(first, "00:00", zone), local(last + timedelta(days=1), "00:00", zone))


def local_starts(slots, zone: str) -> list[str]:
    return [f"{slot.start.astimezone(ZoneInfo(zone)):%m-%d %H:%M}" for slot in slots]


@pytest.mark.parametrize(
    ("host_zone", "visitor_zone", "change", "visitor_before", "visitor_after"),
    [
        # Paris goes forward on 28 March; New York went forward two weeks before.
        ("Europe/Paris", "America/New_York", date(2027, 3, 28), "04:00", "03:00"),
        ("America/New_York", "Europe/Paris", date(2027, 3, 14), "15:00", "14:00"),
        # Paris goes back on 31 October; Sydney went forward on 3 October.
        ("Europe/Paris", "Australia/Sydney", date(2027, 10, 31), "18:00", "19:00"),
        ("Australia/Sydney", "Europe/Paris", date(2027, 10, 3), "01:00", "00:00"),
    ],
)
async def test_a_slot_keeps_the_hosts_wall_time_and_moves_for_a_visitor_elsewhere(
    user, host_zone, visitor_zone, change, visitor_before, visitor_after
):
    schedule = schedule_of(user, time_zone=host_zone, weekly_hours=every_day("09:00", "09:30"))
    days = whole_days(change - timedelta(days=1), change + timedelta(days=1), host_zone)

    slots = open_slots(event_type(), [calendar(user, schedule, days)], days, FAR_BEFORE)

    assert [f"{s.start.astimezone(ZoneInfo(host_zone)):%H:%M}" for s in slots] == ["09:00"] * 3
    in_visitor_zone = local_starts(slots, visitor_zone)
    assert in_visitor_zone[0].endswith(visitor_before)
    assert in_visitor_zone[2].endswith(visitor_after)


@pytest.mark.parametrize(
    ("zone", "change", "count"),
    [
        ("Europe/Paris", date(2027, 3, 28), 5),
        ("America/New_York", date(2027, 3, 14), 5),
        ("Europe/Paris", date(2027, 10, 31), 7),
        ("Australia/Sydney", date(2027, 10, 3), 5),
    ],
)
async def test_hourly_slots_through_the_night_of_a_change_follow_real_time(
    user, zone, change, count
):
    schedule = schedule_of(user, time_zone=zone, weekly_hours=every_day("00:00", "06:00"))
    night = whole_days(change, change, zone)

    slots = open_slots(
        event_type(duration_minutes=60), [calendar(user, schedule, night)], night, FAR_BEFORE
    )

    assert len(slots) == count
    gaps = {later.start - earlier.start for earlier, later in pairwise(slots)}
    assert gaps == {timedelta(hours=1)}


async def test_buffers_keep_a_host_free_around_what_they_hold(user):
    schedule = schedule_of(user, weekly_hours=every_day("09:00", "11:00"))
    day = whole_days(DAY, DAY, "Europe/Paris")
    meeting = Interval(local(DAY, "10:00", "Europe/Paris"), local(DAY, "10:30", "Europe/Paris"))
    buffered = event_type(buffer_before_minutes=15, buffer_after_minutes=15)

    slots = open_slots(buffered, [calendar(user, schedule, day, [meeting])], day, FAR_BEFORE)

    # 09:30 and 10:30 would come within a quarter of an hour of the meeting.
    assert local_starts(slots, "Europe/Paris") == ["05-03 09:00"]


async def test_no_slot_sooner_than_the_notice_nor_past_the_window(user):
    schedule = schedule_of(user)
    day = whole_days(DAY, DAY + timedelta(days=1), "Europe/Paris")
    now = local(DAY, "12:10", "Europe/Paris")
    limited = event_type(
        duration_minutes=60, min_notice_minutes=120, booking_window_days=1, slot_interval_minutes=60
    )

    slots = open_slots(limited, [calendar(user, schedule, day)], day, now)

    assert local_starts(slots, "Europe/Paris") == [
        "05-03 15:00",
        "05-03 16:00",
        "05-04 09:00",
        "05-04 10:00",
        "05-04 11:00",
        "05-04 12:00",
    ]


async def test_a_host_at_their_days_cap_offers_nothing_more_that_day(user):
    schedule = schedule_of(user, weekly_hours=every_day("09:00", "10:00"))
    days = whole_days(DAY, DAY + timedelta(days=1), "Europe/Paris")
    capped = event_type(max_per_day=1)

    slots = open_slots(capped, [calendar(user, schedule, days, per_day={DAY: 1})], days, FAR_BEFORE)

    assert local_starts(slots, "Europe/Paris") == ["05-04 09:00", "05-04 09:30"]


async def test_round_robin_offers_a_slot_any_host_is_free_at_and_collective_only_all(mongo):
    ada, grace = await create_user(), await create_user()
    day = whole_days(DAY, DAY, "Europe/Paris")
    ada_hours = calendar(ada, schedule_of(ada, weekly_hours=every_day("09:00", "10:00")), day)
    grace_hours = calendar(grace, schedule_of(grace, weekly_hours=every_day("09:30", "10:30")), day)
    hosts = [ada_hours, grace_hours]

    either = open_slots(event_type(kind=EventTypeKind.ROUND_ROBIN), hosts, day, FAR_BEFORE)
    both = open_slots(event_type(kind=EventTypeKind.COLLECTIVE), hosts, day, FAR_BEFORE)

    assert local_starts(either, "Europe/Paris") == ["05-03 09:00", "05-03 09:30", "05-03 10:00"]
    assert [slot.host_ids for slot in either] == [[ada.id], [ada.id, grace.id], [grace.id]]
    assert local_starts(both, "Europe/Paris") == ["05-03 09:30"]
