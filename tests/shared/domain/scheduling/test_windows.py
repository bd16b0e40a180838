"""A schedule's hours are wall-clock times in its zone: the same local hours every day,
whatever daylight-saving does to their UTC instants, and the night of a change has its own
length."""

from datetime import date, timedelta

import pytest

from shared.domain.scheduling.windows import Interval, available
from shared.models.availability_schedule import DateOverride, Holiday, TimeWindow
from tests.factories import create_user
from tests.shared.domain.scheduling.factories import every_day, local, schedule_of

# The 2027 changes: clocks forward in March (October in the southern hemisphere), back in
# October (November in New York, April in Sydney).
FORWARD = [("Europe/Paris", date(2027, 3, 28)), ("America/New_York", date(2027, 3, 14))]
BACK = [("Europe/Paris", date(2027, 10, 31)), ("Australia/Sydney", date(2027, 4, 4))]
SPRING_IN_OCTOBER = [("Australia/Sydney", date(2027, 10, 3))]


@pytest.fixture
async def user(mongo):
    return await create_user()


def hours_on(schedule, day: date) -> list[Interval]:
    return available(
        schedule,
        Interval(local(day, "12:00", schedule.time_zone), local(day, "12:00", schedule.time_zone)),
    )


@pytest.mark.parametrize(("zone", "change"), FORWARD + BACK + SPRING_IN_OCTOBER)
async def test_working_hours_stay_at_the_same_wall_time_across_a_change(user, zone, change):
    schedule = schedule_of(user, time_zone=zone)

    before = hours_on(schedule, change - timedelta(days=1))
    after = hours_on(schedule, change + timedelta(days=1))

    assert before == [
        Interval(
            local(change - timedelta(days=1), "09:00", zone),
            local(change - timedelta(days=1), "17:00", zone),
        )
    ]
    assert after == [
        Interval(
            local(change + timedelta(days=1), "09:00", zone),
            local(change + timedelta(days=1), "17:00", zone),
        )
    ]
    assert before[0].start.hour != after[0].start.hour  # the UTC hour moved with the clocks


@pytest.mark.parametrize(("zone", "change"), FORWARD + SPRING_IN_OCTOBER)
async def test_the_night_the_clocks_go_forward_is_an_hour_short(user, zone, change):
    schedule = schedule_of(user, time_zone=zone, weekly_hours=every_day("00:00", "06:00"))

    [night] = hours_on(schedule, change)

    assert night.end - night.start == timedelta(hours=5)


@pytest.mark.parametrize(("zone", "change"), BACK)
async def test_the_night_the_clocks_go_back_is_an_hour_long(user, zone, change):
    schedule = schedule_of(user, time_zone=zone, weekly_hours=every_day("00:00", "06:00"))

    [night] = hours_on(schedule, change)

    assert night.end - night.start == timedelta(hours=7)


async def test_hours_the_change_skips_entirely_are_no_hours(user):
    schedule = schedule_of(user, weekly_hours=every_day("02:00", "03:00"))

    assert hours_on(schedule, date(2027, 3, 28)) == []


async def test_an_override_replaces_the_weekday_and_a_holiday_clears_it(user):
    day, holiday = date(2027, 5, 3), date(2027, 5, 4)
    schedule = schedule_of(
        user,
        date_overrides=[DateOverride(date=day, windows=[TimeWindow(start="13:00", end="14:00")])],
        holidays=[Holiday(start=holiday, end=holiday, name="Off")],
    )

    assert hours_on(schedule, day) == [
        Interval(local(day, "13:00", "Europe/Paris"), local(day, "14:00", "Europe/Paris"))
    ]
    assert hours_on(schedule, holiday) == []


async def test_an_end_at_24_00_is_the_next_midnight(user):
    day = date(2027, 5, 3)
    schedule = schedule_of(user, weekly_hours=every_day("20:00", "24:00"))

    [evening] = hours_on(schedule, day)

    assert evening.end == local(day + timedelta(days=1), "00:00", "Europe/Paris")
