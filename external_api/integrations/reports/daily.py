"""A pulled report's rows as the analytics store's daily metrics: one row per day, entity and
metric, whichever provider it came from.

Only reports by day (a `date` dimension) whose other dimensions name one kind of entity are
stored there: a report by day and country, say, keeps its rows in the report alone, since the
store has no place for the country and summing its rows would be wrong.
"""

import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from iso4217 import Currency

from shared.domain.analytics.metrics import DailyMetric
from shared.models.analytics_report import ReportRow

if TYPE_CHECKING:
    from external_api.integrations.reports.service import Pulled

# The provider's name in the external API -> the source's name in the store.
SOURCES = {
    "google-analytics": "google-analytics",
    "google-ads": "google-ads",
    "facebook": "facebook-ads",
    "bing-ads": "bing-ads",
    "tiktok": "tiktok-ads",
}
# What a report without entity dimensions is about, per provider.
WHOLE = {
    "google-analytics": "property",
    "google-ads": "customer",
    "facebook": "ad_account",
    "bing-ads": "ad_account",
    "tiktok": "advertiser",
}


@dataclass(frozen=True)
class Entity:
    type: str
    id_dimension: str
    name_dimension: str


# The dimensions (besides `date`) a report may have to be stored, and the entity they name.
ENTITIES = {
    frozenset({"campaign_id", "campaign_name"}): Entity("campaign", "campaign_id", "campaign_name"),
    frozenset({"pagePath"}): Entity("page", "pagePath", "pagePath"),
    frozenset({"sessionDefaultChannelGroup"}): Entity(
        "channel", "sessionDefaultChannelGroup", "sessionDefaultChannelGroup"
    ),
    frozenset({"sessionCampaignName"}): Entity(
        "campaign", "sessionCampaignName", "sessionCampaignName"
    ),
}
# Money metrics, stored in minor units of the account's currency: (stored name, decimals the
# provider gives beyond the major unit; None for an amount in major units).
MONEY = {
    "cost_micros": ("cost", 6),
    "spend": ("cost", None),
    "conversions_value": ("revenue", None),
    "revenue": ("revenue", None),
}


def snake(name: str) -> str:
    """GA4's `activeUsers` is stored as `active_users`."""
    return re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).lower()


def minor_units(value: float, given_decimals: int | None, currency: str) -> int:
    exponent = Currency(currency).exponent or 0
    if given_decimals is None:
        return round(value * 10**exponent)
    return round(value / 10 ** (given_decimals - exponent))


def metric_of(name: str, value: float, currency: str) -> tuple[str, float, str | None]:
    if name in MONEY:
        stored, decimals = MONEY[name]
        return stored, minor_units(value, decimals, currency), currency
    return snake(name), value, None


def entity_of(provider: str, pulled: "Pulled") -> Entity | None:
    """The entity the report's rows are about (the whole source without entity dimensions:
    its id is the report's source id), None when the report's dimensions do not fit."""
    others = frozenset(pulled.dimensions) - {"date"}
    if "date" not in pulled.dimensions or provider not in SOURCES:
        return None
    if not others:
        return Entity(WHOLE[provider], "", "")
    return ENTITIES.get(others)


def row_metrics(
    pulled: "Pulled", entity: Entity, row: ReportRow, currency: str
) -> list[DailyMetric]:
    day = date.fromisoformat(row.dimensions["date"])
    if entity.id_dimension:
        entity_id = row.dimensions.get(entity.id_dimension) or "(not set)"
        name = row.dimensions.get(entity.name_dimension, "")
    else:
        entity_id, name = pulled.source_id, ""
    metrics = []
    for metric, value in row.metrics.items():
        stored, amount, unit = metric_of(metric, value, currency)
        metrics.append(DailyMetric(entity.type, entity_id[:300], stored, day, amount, name, unit))
    return metrics


def daily_metrics(provider: str, pulled: "Pulled", currency: str) -> list[DailyMetric]:
    """The report's rows for the store, none when it does not fit it."""
    entity = entity_of(provider, pulled)
    if entity is None:
        return []
    return [metric for row in pulled.rows for metric in row_metrics(pulled, entity, row, currency)]
