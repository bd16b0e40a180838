"""A Semrush sync: the tracked domain's overview, organic keywords and backlinks, read now and
stored in the analytics store as today's snapshot (a second sync the same day overwrites it)."""

from datetime import date

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.semrush.answers import number
from external_api.integrations.semrush.client import Semrush
from external_api.integrations.semrush.schemas import SemrushSnapshot
from shared.domain.analytics.metrics import DailyMetric, upsert_daily_metrics
from shared.models.base import utc_now
from shared.models.semrush_key import SemrushKey

NAME = "semrush"
SOURCE = "semrush"
# Semrush's column names and the metrics stored from them, for the domain.
OVERVIEW_METRICS = {
    "Rank": "rank",
    "Organic Keywords": "organic_keywords",
    "Organic Traffic": "organic_traffic",
}
BACKLINK_METRICS = {
    "ascore": "authority_score",
    "total": "backlinks",
    "domains_num": "referring_domains",
}
KEYWORD_METRICS = {
    "Position": "position",
    "Search Volume": "search_volume",
    "Traffic (%)": "traffic_share",
}


def domain_rows(domain: str, day: date, overview: dict, backlinks: dict) -> list[DailyMetric]:
    rows = [
        DailyMetric("domain", domain, metric, day, number(answer[column]))
        for answer, metrics in ((overview, OVERVIEW_METRICS), (backlinks, BACKLINK_METRICS))
        for column, metric in metrics.items()
        if column in answer
    ]
    if "Organic Cost" in overview:
        # What the organic traffic would cost in ads, in US dollars: stored in cents.
        cents = round(number(overview["Organic Cost"]) * 100)
        rows.append(DailyMetric("domain", domain, "organic_cost", day, cents, currency="USD"))
    return rows


def keyword_rows(day: date, keywords: list[dict[str, str]]) -> list[DailyMetric]:
    return [
        DailyMetric(
            "keyword",
            keyword["Keyword"][:300],
            metric,
            day,
            number(keyword[column]),
            entity_name=keyword.get("Url", ""),
        )
        for keyword in keywords
        if keyword.get("Keyword")
        for column, metric in KEYWORD_METRICS.items()
        if column in keyword
    ]


async def sync(integrations: Integrations, account_id: str) -> SemrushSnapshot:
    credential: SemrushKey = await integrations.store(NAME).connected(account_id)
    semrush = Semrush(integrations.connected_http(NAME, account_id))
    domain, database = credential.domain, credential.database
    limit = integrations.settings.semrush.keywords_limit
    overview = await semrush.domain_overview(domain, database)
    keywords = await semrush.organic_keywords(domain, database, limit)
    backlinks = await semrush.backlinks_overview(domain)
    day = utc_now().date()
    rows = domain_rows(domain, day, overview, backlinks) + keyword_rows(day, keywords)
    written = await upsert_daily_metrics(account_id, SOURCE, rows)
    return SemrushSnapshot(domain=domain, day=day, rows=written)


async def visibility(integrations: Integrations, account_id: str, domain: str) -> dict[str, float]:
    """Another domain's overview (a prospect's, for an InstaReport) read with the account's
    key, in its regional database: rank, organic keywords, traffic and its cost in cents."""
    credential: SemrushKey = await integrations.store(NAME).connected(account_id)
    semrush = Semrush(integrations.connected_http(NAME, account_id))
    overview = await semrush.domain_overview(domain, credential.database)
    rows = domain_rows(domain, utc_now().date(), overview, {})
    return {row.metric: row.value for row in rows}
