"""Each widget's figures for a period (and its comparison): read from the analytics store, and
for the reviews summary from the reviews inbox, with aggregation pipelines on their indexes."""

from dataclasses import dataclass, field, replace
from datetime import date

from beanie import PydanticObjectId

from shared.domain.analytics import repository as store
from shared.domain.reports.periods import Period
from shared.domain.reports.repository import reviews_in
from shared.models.client_report import MetricRef, Widget, WidgetKind

CALLS = MetricRef(source="callrail", metric="calls", label="Calls")
CALL_SOURCE = "call_source"


@dataclass(frozen=True)
class Kpi:
    label: str
    value: float
    currency: str | None
    previous: float | None  # None without a comparison

    @property
    def change_percent(self) -> float | None:
        if self.previous is None or self.previous == 0:
            return None
        return (self.value - self.previous) / abs(self.previous) * 100


@dataclass(frozen=True)
class Figures:
    """What one widget shows: its KPIs, its series by day, its ranked rows."""

    widget: Widget
    kpis: list[Kpi] = field(default_factory=list)
    series: dict[str, dict[date, float]] = field(default_factory=dict)
    rows: list[dict] = field(default_factory=list)  # {"name", "values": [...]}
    columns: list[str] = field(default_factory=list)
    currencies: list[str | None] = field(default_factory=list)  # per column, for money


def label_of(ref: MetricRef) -> str:
    return ref.label or ref.metric.replace("_", " ").capitalize()


async def kpi_of(
    account_id: PydanticObjectId, ref: MetricRef, period: Period, previous: Period | None
) -> Kpi:
    value = await store.total(account_id, ref.source, ref.metric, period.start, period.end)
    before = None
    if previous:
        before = await store.total(account_id, ref.source, ref.metric, previous.start, previous.end)
    currency = await store.currency_of(account_id, ref.source, ref.metric)
    return Kpi(label_of(ref), value, currency, before)


async def daily_series(account_id: PydanticObjectId, ref: MetricRef, period: Period) -> dict:
    by_day = await store.by_day(account_id, ref.source, ref.metric, period.start, period.end)
    return {day: by_day.get(day, 0.0) for day in period.each_day()}


async def ranked(account_id: PydanticObjectId, widget: Widget, period: Period) -> Figures:
    """Entities ranked by the widget's first metric, with each metric's total as a column."""
    first, *others = widget.metrics
    top = await store.by_entity(
        account_id,
        first.source,
        first.metric,
        period.start,
        period.end,
        widget.entity_type,
        widget.limit,
    )
    rows = [{"name": entity["name"], "values": [entity["value"]]} for entity in top]
    for ref in others:
        values = await store.entity_totals(
            account_id,
            ref.source,
            ref.metric,
            period.start,
            period.end,
            [entity["entity_id"] for entity in top],
        )
        for row, entity in zip(rows, top, strict=True):
            row["values"].append(values.get(entity["entity_id"], 0.0))
    currencies = [
        await store.currency_of(account_id, ref.source, ref.metric) for ref in widget.metrics
    ]
    columns = [label_of(ref) for ref in widget.metrics]
    return Figures(widget, rows=rows, columns=columns, currencies=currencies)


async def figures_of(
    account_id: PydanticObjectId, widget: Widget, period: Period, previous: Period | None
) -> Figures:
    match widget.kind:
        case WidgetKind.KPI | WidgetKind.FUNNEL:
            kpis = [await kpi_of(account_id, ref, period, previous) for ref in widget.metrics]
            return Figures(widget, kpis=kpis)
        case WidgetKind.TIME_SERIES:
            series = {
                label_of(ref): await daily_series(account_id, ref, period) for ref in widget.metrics
            }
            return Figures(widget, series=series)
        case WidgetKind.TABLE | WidgetKind.TOP_N:
            return await ranked(account_id, widget, period)
        case WidgetKind.CALLS_BY_SOURCE:
            calls = widget.model_copy(update={"metrics": [CALLS], "entity_type": CALL_SOURCE})
            by_source = await ranked(account_id, calls, period)
            total = await kpi_of(account_id, CALLS, period, previous)
            return replace(by_source, widget=widget, kpis=[total])
    return await reviews_summary(account_id, widget, period, previous)


async def reviews_summary(
    account_id: PydanticObjectId, widget: Widget, period: Period, previous: Period | None
) -> Figures:
    now = await reviews_in(account_id, period.start, period.end)
    before = await reviews_in(account_id, previous.start, previous.end) if previous else None
    kpis = [
        Kpi("Reviews", now.count, None, before.count if before else None),
        Kpi(
            "Average rating",
            round(now.average, 2),
            None,
            round(before.average, 2) if before else None,
        ),
    ]
    rows = [
        {"name": f"{stars} ★", "values": [now.by_rating.get(stars, 0)]} for stars in range(5, 0, -1)
    ]
    return Figures(widget, kpis=kpis, rows=rows, columns=["Reviews"], currencies=[None])
