"""The analytics store's write path: rows upserted by (account, source, entity, metric, day),
so a re-pull of a day leaves one set of rows with the latest values."""

from datetime import date

import pytest

from shared.domain.analytics import repository
from shared.domain.analytics.errors import BadMetricRow
from shared.domain.analytics.metrics import DailyMetric, upsert_daily_metrics
from tests.factories import create_account

DAY = date(2026, 3, 2)


def campaign_clicks(value: float, day: date = DAY, campaign: str = "111") -> DailyMetric:
    return DailyMetric("campaign", campaign, "clicks", day, value, entity_name="Spring sale")


@pytest.fixture
async def account(mongo):
    return await create_account()


async def test_a_re_pull_of_a_day_leaves_one_set_of_rows_with_the_new_values(account):
    await upsert_daily_metrics(
        account.id, "google-ads", [campaign_clicks(10), campaign_clicks(4, campaign="222")]
    )

    await upsert_daily_metrics(
        account.id, "google-ads", [campaign_clicks(12), campaign_clicks(4, campaign="222")]
    )

    rows = await repository.stored_rows(account.id, "google-ads")
    assert [(row.entity_id, row.value) for row in rows] == [("111", 12.0), ("222", 4.0)]


async def test_the_same_key_twice_in_one_pull_stores_the_last_value(account):
    written = await upsert_daily_metrics(
        account.id, "google-ads", [campaign_clicks(10), campaign_clicks(11)]
    )

    rows = await repository.stored_rows(account.id, "google-ads")
    assert (written, [row.value for row in rows]) == (1, [11.0])


async def test_sources_and_accounts_keep_their_own_rows(account):
    other = await create_account()
    await upsert_daily_metrics(account.id, "google-ads", [campaign_clicks(10)])
    await upsert_daily_metrics(account.id, "facebook-ads", [campaign_clicks(3)])
    await upsert_daily_metrics(other.id, "google-ads", [campaign_clicks(7)])

    total = await repository.total(account.id, "google-ads", "clicks", DAY, DAY)

    assert total == 10.0


async def test_a_bad_row_refuses_the_whole_pull(account):
    rows = [campaign_clicks(10), campaign_clicks(float("nan"), campaign="222")]

    with pytest.raises(BadMetricRow) as refused:
        await upsert_daily_metrics(account.id, "google-ads", rows)

    assert refused.value.code == "bad_metric_row"
    assert await repository.stored_rows(account.id, "google-ads") == []


async def test_days_and_entities_are_summed_over_a_range(account):
    rows = [
        campaign_clicks(10),
        campaign_clicks(5, day=date(2026, 3, 3)),
        campaign_clicks(30, day=date(2026, 3, 3), campaign="222"),
    ]
    await upsert_daily_metrics(account.id, "google-ads", rows)

    days = await repository.by_day(account.id, "google-ads", "clicks", DAY, date(2026, 3, 3))
    top = await repository.by_entity(account.id, "google-ads", "clicks", DAY, date(2026, 3, 3))

    assert days == {DAY: 10.0, date(2026, 3, 3): 35.0}
    assert [(entity["entity_id"], entity["value"]) for entity in top] == [
        ("222", 30.0),
        ("111", 15.0),
    ]
