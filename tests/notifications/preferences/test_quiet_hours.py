"""Quiet hours in the user's timezone: inside or not, and when they end."""

from datetime import UTC, datetime

import pytest

from notifications.preferences.quiet_hours import quiet_until
from shared.models.notification_preference import QuietHours

NIGHT_IN_PARIS = QuietHours(start="22:00", end="07:00", timezone="Europe/Paris")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def test_late_evening_is_quiet_until_the_next_morning_in_the_users_zone():
    # 21:30 UTC is 22:30 in Paris in winter (UTC+1).
    assert quiet_until(NIGHT_IN_PARIS, at("2026-01-15T21:30")) == at("2026-01-16T06:00")


def test_early_morning_is_quiet_until_that_morning():
    assert quiet_until(NIGHT_IN_PARIS, at("2026-01-16T04:00")) == at("2026-01-16T06:00")


def test_the_day_is_not_quiet():
    assert quiet_until(NIGHT_IN_PARIS, at("2026-01-16T12:00")) is None


def test_the_end_minute_itself_is_no_longer_quiet():
    assert quiet_until(NIGHT_IN_PARIS, at("2026-01-16T06:00")) is None


def test_quiet_hours_within_one_day():
    lunch = QuietHours(start="12:00", end="13:30", timezone="America/New_York")

    # 17:00 UTC is 12:00 in New York in winter (UTC-5).
    assert quiet_until(lunch, at("2026-01-15T17:00")) == at("2026-01-15T18:30")
    assert quiet_until(lunch, at("2026-01-15T19:00")) is None


def test_the_end_is_wall_clock_time_across_a_dst_change():
    # The night of 28-29 March 2026 Paris moves from UTC+1 to UTC+2: 07:00 is 05:00 UTC.
    assert quiet_until(NIGHT_IN_PARIS, at("2026-03-28T22:00")) == at("2026-03-29T05:00")


@pytest.mark.parametrize("moment", ["2026-01-15T00:00", "2026-01-15T12:00"])
def test_equal_start_and_end_mean_no_quiet_hours(moment):
    never = QuietHours(start="08:00", end="08:00", timezone="UTC")

    assert quiet_until(never, at(moment)) is None
