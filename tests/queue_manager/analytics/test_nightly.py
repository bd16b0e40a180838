"""The nightly sync's plan: every connection in good standing of each analytics source, and
the last days each is pulled for; a back-fill's range cut into months."""

from datetime import date

from beanie import PydanticObjectId

from queue_manager.analytics.repository import connected_sources
from shared.domain.analytics.sync import chunks, nightly_range
from shared.models.integration_credential import ConnectionStatus
from tests.external_api.factories import create_connection
from tests.external_api.integrations.connections import create_key_connection


async def test_only_connections_in_good_standing_are_pulled(mongo):
    ads, calls = str(PydanticObjectId()), str(PydanticObjectId())
    await create_connection("google-ads", ads)
    refused = await create_key_connection("callrail", calls, "key", "ACC1")
    refused.status = ConnectionStatus.RECONNECT_NEEDED
    await refused.save()
    await create_key_connection("semrush", calls, "key", "bakery.example")

    assert sorted(await connected_sources()) == sorted([(ads, "google-ads"), (calls, "semrush")])


def test_the_nightly_pull_covers_the_three_days_before_today():
    assert nightly_range(date(2026, 3, 10)) == (date(2026, 3, 7), date(2026, 3, 9))


def test_a_backfill_is_cut_into_months():
    assert chunks(date(2026, 1, 15), date(2026, 2, 20)) == [
        (date(2026, 1, 15), date(2026, 2, 14)),
        (date(2026, 2, 15), date(2026, 2, 20)),
    ]


async def test_connected_ad_accounts_of_bing_and_tiktok_are_pulled(mongo):
    account_id = str(PydanticObjectId())
    await create_connection("bing-ads", account_id)
    await create_connection("tiktok", account_id, refresh_token="", expires_in=None)

    assert sorted(await connected_sources()) == [
        (account_id, "bing-ads"),
        (account_id, "tiktok-ads"),
    ]
