"""One metric of one entity on one day, as a provider reported it: the one shape every
analytics source (GA4, Google Ads, Facebook Ads, CallRail, Semrush, and whatever comes next)
normalises into, so reports and dashboards read every source alike.

Keyed by (account, source, entity type, entity id, metric, day) with a unique index: a re-pull
of a day overwrites its values instead of adding to them. Money metrics (`cost`, `revenue`) are
integer minor units in `currency`; counts and rates are plain numbers.
"""

from datetime import datetime

from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class AnalyticsDailyMetric(TenantDocument):
    source: str  # google-analytics, google-ads, facebook-ads, callrail, semrush, ...
    # What the numbers are about: the whole property or ad account ("property", "customer",
    # "ad_account", "domain"), or a part of it ("campaign", "page", "keyword", "call_source").
    entity_type: str
    entity_id: str
    entity_name: str = ""
    metric: str  # sessions, clicks, impressions, cost, calls, organic_keywords, ...
    day: datetime  # midnight UTC of the day reported
    value: float
    currency: str | None = None  # ISO 4217, for money metrics only

    class Settings:
        name = "analytics_daily_metrics"
        indexes = [
            # The upsert key: one value per entity, metric and day.
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("source", ASCENDING),
                    ("entity_type", ASCENDING),
                    ("entity_id", ASCENDING),
                    ("metric", ASCENDING),
                    ("day", ASCENDING),
                ],
                unique=True,
                name="one_value_per_day",
            ),
            # Reports and dashboards: a source's metric over a date range, by entity.
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("source", ASCENDING),
                    ("metric", ASCENDING),
                    ("day", ASCENDING),
                ],
                name="metric_over_days",
            ),
        ]
