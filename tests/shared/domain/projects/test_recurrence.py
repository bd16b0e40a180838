"""When a recurring task comes next: at the same wall-clock time in its zone across the daylight
saving changes, on the month's last day when it lacks the task's, skipping what was missed."""

from datetime import UTC, datetime

import pytest

from shared.domain.projects.recurrence import next_due
from shared.models.project_task import Frequency, Recurrence


def every(frequency: str, interval: int = 1, starts_at: datetime | None = None) -> Recurrence:
    return Recurrence(frequency=Frequency(frequency), interval=interval, starts_at=starts_at)


@pytest.mark.parametrize(
    ("zone", "due", "following"),
    [
        # 09:00 in Paris: CET (UTC+1) on 28 March 2026, CEST (UTC+2) on the 29th.
        ("Europe/Paris", datetime(2026, 3, 28, 8, 0), datetime(2026, 3, 29, 7, 0)),
        # And back on 25 October.
        ("Europe/Paris", datetime(2026, 10, 24, 7, 0), datetime(2026, 10, 25, 8, 0)),
        # 09:00 in New York: EST to EDT on 8 March 2026.
        ("America/New_York", datetime(2026, 3, 7, 14, 0), datetime(2026, 3, 8, 13, 0)),
    ],
)
def test_a_daily_task_stays_at_its_local_time_across_daylight_saving(zone, due, following):
    due_at = due.replace(tzinfo=UTC)

    assert next_due(due_at, zone, every("daily"), due_at) == following.replace(tzinfo=UTC)


def test_a_monthly_task_on_the_31st_comes_on_the_last_day_of_shorter_months():
    january = datetime(2026, 1, 31, 9, 0, tzinfo=UTC)
    rule = every("monthly", starts_at=january)

    february = next_due(january, "UTC", rule, january)
    march = next_due(february, "UTC", rule, february)

    assert (february.date().isoformat(), march.date().isoformat()) == ("2026-02-28", "2026-03-31")


def test_every_other_week_is_fourteen_days_on():
    due_at = datetime(2026, 5, 4, 9, 0, tzinfo=UTC)

    assert next_due(due_at, "UTC", every("weekly", 2), due_at) == datetime(
        2026, 5, 18, 9, 0, tzinfo=UTC
    )


def test_occurrences_missed_while_nothing_ran_are_skipped():
    due_at = datetime(2026, 5, 1, 9, 0, tzinfo=UTC)
    now = datetime(2026, 5, 4, 12, 0, tzinfo=UTC)

    assert next_due(due_at, "UTC", every("daily"), now) == datetime(2026, 5, 5, 9, 0, tzinfo=UTC)
