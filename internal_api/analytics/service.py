"""The dashboard's overview of a date range, counted in the account's time zone and kept in
Redis briefly (ANALYTICS_SUMMARY_CACHE_SECONDS), so a dashboard opened by many users at once
counts once."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from internal_api.analytics import repository
from internal_api.analytics.schemas import Money, Summary, SummaryRange
from internal_api.settings import InternalApiSettings
from shared.domain.accounts.locale import locale_of
from shared.domain.analytics import repository as store
from shared.utilities.auth import Principal
from shared.utilities.cache import RedisCache

CALLS = ("callrail", "calls")


async def summary(
    principal: Principal, period: SummaryRange, redis: Redis, settings: InternalApiSettings
) -> Summary:
    account_id = principal.account_id
    key = f"{account_id}:{period.start_date}:{period.end_date}"

    async def counted() -> Summary:
        return await count_summary(principal, period, settings)

    if not settings.analytics_summary_cache_seconds:
        return await counted()
    cache = RedisCache(
        redis, "analytics-summary", Summary, settings.analytics_summary_cache_seconds
    )
    return await cache.get_or_fetch(key, counted)


async def count_summary(
    principal: Principal, period: SummaryRange, settings: InternalApiSettings
) -> Summary:
    account = await store.account_of(principal.account_id)
    zone = ZoneInfo(locale_of(account, settings).time_zone)
    start = datetime.combine(period.start_date, time.min, zone)
    end = datetime.combine(period.end_date + timedelta(days=1), time.min, zone)
    account_id = account.id if account else principal.account_id
    leads = await repository.leads_by_source(account_id, start, end)
    won, revenue = await repository.deals_won(account_id, start, end)
    calls = await store.total(account_id, *CALLS, period.start_date, period.end_date)
    return Summary(
        start_date=period.start_date,
        end_date=period.end_date,
        contacts_added=await repository.contacts_added(account_id, start, end),
        leads=sum(leads.values()),
        leads_by_source=leads,
        deals_won=won,
        revenue=[Money(currency=code, amount=amount) for code, amount in revenue.items()],
        messages=await repository.messages(account_id, start, end),
        calls=round(calls),
    )
