from datetime import UTC, datetime

from ai_service.usage.limits import next_month


def test_the_month_after_december_is_january_of_the_next_year():
    december = datetime(2025, 12, 1, tzinfo=UTC)

    assert next_month(december) == datetime(2026, 1, 1, tzinfo=UTC)
