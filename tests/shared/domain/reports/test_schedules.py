"""A schedule's runs in its time zone: one per matching local date at its hour, across
daylight-saving changes too."""

from datetime import UTC, datetime, timedelta

from shared.domain.reports.schedules import next_run
from tests.report_factories import weekly


def runs_between(schedule, start: datetime, end: datetime) -> list[datetime]:
    runs, moment = [], start
    while (moment := next_run(schedule, moment)) < end:
        runs.append(moment)
    return runs


def test_a_weekly_run_keeps_its_local_hour_across_the_autumn_change():
    schedule = weekly(weekday=0, hour=9)  # Mondays 09:00 New York

    runs = runs_between(
        schedule, datetime(2026, 10, 20, tzinfo=UTC), datetime(2026, 11, 10, tzinfo=UTC)
    )

    assert runs == [
        datetime(2026, 10, 26, 13, tzinfo=UTC),  # EDT, UTC-4
        datetime(2026, 11, 2, 14, tzinfo=UTC),  # EST, UTC-5
        datetime(2026, 11, 9, 14, tzinfo=UTC),
    ]


def test_an_hour_that_happens_twice_runs_once():
    schedule = weekly(hour=1)  # Sundays 01:00 New York; 1 November 2026 has two

    runs = runs_between(
        schedule, datetime(2026, 10, 31, tzinfo=UTC), datetime(2026, 11, 3, tzinfo=UTC)
    )

    assert runs == [datetime(2026, 11, 1, 5, tzinfo=UTC)]  # the first 01:00, still EDT


def test_an_hour_that_does_not_happen_runs_once_after_the_change():
    schedule = weekly(hour=2)  # Sundays 02:00 New York; 8 March 2026 skips it

    runs = runs_between(
        schedule, datetime(2026, 3, 7, tzinfo=UTC), datetime(2026, 3, 10, tzinfo=UTC)
    )

    assert runs == [datetime(2026, 3, 8, 7, tzinfo=UTC)]  # 03:00 EDT


def test_a_monthly_run_is_on_its_day_each_month():
    schedule = weekly(frequency="monthly", day_of_month=28, hour=8, time_zone="Europe/Paris")

    runs = runs_between(
        schedule, datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC)
    )

    assert [run.date().isoformat() for run in runs] == ["2026-01-28", "2026-02-28", "2026-03-28"]
    assert runs[2] - runs[1] == timedelta(days=28)
