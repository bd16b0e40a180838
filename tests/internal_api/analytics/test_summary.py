"""/v1/analytics/summary: the overview tiles of a range in one answer, counted in the account's
time zone from its own data only, and served again from the cache within its time."""

import os
from datetime import UTC, date, datetime

from beanie import PydanticObjectId
from redis.asyncio import Redis

from internal_api.analytics.schemas import SummaryRange
from internal_api.analytics.service import summary
from internal_api.settings import InternalApiSettings
from shared.domain.analytics.metrics import DailyMetric, upsert_daily_metrics
from shared.models.conversation_message import ConversationMessage, SenderType
from shared.models.deal import DealStatus
from shared.models.lead import LeadSource
from shared.utilities.auth import Principal, TokenKind
from tests.factories import create_contact, create_deal, create_lead, create_pipeline

SUMMARY = "/v1/analytics/summary"
MARCH = {"start_date": "2026-03-01", "end_date": "2026-03-31"}
IN_MARCH = datetime(2026, 3, 10, 12, tzinfo=UTC)
IN_APRIL = datetime(2026, 4, 2, 12, tzinfo=UTC)


async def fill(account) -> None:
    """In March: 2 contacts, 3 leads, 2 deals won (USD and EUR), 1 message, 4 calls; and the
    same again in April, which March does not count."""
    for when in (IN_MARCH, IN_APRIL):
        first = await create_contact(account, created_at=when)
        await create_contact(account, created_at=when)
        await create_lead(first, source=LeadSource.FORM, created_at=when)
        await create_lead(first, source=LeadSource.FORM, created_at=when)
        await create_lead(first, source=LeadSource.CALLRAIL, created_at=when)
        pipeline = await create_pipeline(account)
        for value, currency in ((150_000, "USD"), (20_000, "EUR")):
            await create_deal(
                pipeline, status=DealStatus.WON, closed_at=when, value=value, currency=currency
            )
        await ConversationMessage(
            account_id=account.id,
            conversation_id=PydanticObjectId(),
            sender_type=SenderType.USER,
            sender_id="u1",
            body="Hello",
            created_at=when,
        ).insert()
        calls = DailyMetric("call_source", "google", "calls", when.date(), 4, "Google Ads")
        await upsert_daily_metrics(account.id, "callrail", [calls])


async def test_the_tiles_count_the_range_only(module_api, owner):
    await fill(owner.account)

    response = await module_api.get(SUMMARY, params=MARCH, headers=owner.headers)

    assert response.status_code == 200, response.text
    assert response.json() == {
        "start_date": "2026-03-01",
        "end_date": "2026-03-31",
        "contacts_added": 2,
        "leads": 3,
        "leads_by_source": {"callrail": 1, "form": 2},
        "deals_won": 2,
        "revenue": [{"currency": "EUR", "amount": 20_000}, {"currency": "USD", "amount": 150_000}],
        "messages": 1,
        "calls": 4,
    }


async def test_another_accounts_data_is_not_counted(module_api, owner, stranger):
    await fill(owner.account)

    response = await module_api.get(SUMMARY, params=MARCH, headers=stranger.headers)

    tiles = response.json()
    assert (tiles["contacts_added"], tiles["leads"], tiles["calls"], tiles["revenue"]) == (
        0,
        0,
        0,
        [],
    )


async def test_the_same_range_is_served_from_the_cache(module_api, owner):
    await fill(owner.account)
    first = await module_api.get(SUMMARY, params=MARCH, headers=owner.headers)

    await create_contact(owner.account, created_at=IN_MARCH)
    again = await module_api.get(SUMMARY, params=MARCH, headers=owner.headers)

    assert again.json() == first.json()


async def test_without_a_cache_each_request_counts_again(owner):
    settings = InternalApiSettings(analytics_summary_cache_seconds=0)
    period = SummaryRange(start_date=date(2026, 3, 1), end_date=date(2026, 3, 31))
    principal = Principal(
        kind=TokenKind.USER, sub=str(owner.user.id), account_id=str(owner.account.id)
    )
    redis = Redis.from_url(os.environ["REDIS_URL"])
    await summary(principal, period, redis, settings)
    await create_contact(owner.account, created_at=IN_MARCH)

    counted = await summary(principal, period, redis, settings)
    await redis.aclose()

    assert counted.contacts_added == 1


async def test_a_range_ending_before_it_starts_is_refused(module_api, owner):
    response = await module_api.get(
        SUMMARY,
        params={"start_date": "2026-03-31", "end_date": "2026-03-01"},
        headers=owner.headers,
    )

    assert response.status_code == 422
