"""A client report of 20 charts printed to PDF: seconds and peak memory.

    .venv/bin/python -m scripts.bench.reports [--charts 20] [--days 35] [--campaigns 10]

Seeds the analytics store (in memory unless MONGO_URL is set) with `--days` days of clicks,
impressions and cost for `--campaigns` campaigns, defines a report of `--charts` chart widgets
(time series and top-N in turn, each with its KPI tiles' comparison), then measures in one run:
the figures and the HTML (aggregations and pygal), the PDF (headless Chromium, CHROMIUM_PATH),
the pages printed (pypdf), and the peak resident memory of this process and of the browser's
largest process. On the in-memory MongoDB (mongomock scans every document for each
aggregation, and checks the unique key of each insert against every stored one) the seeding
and the figures' time say little; the PDF's is the engine's own.
"""

import argparse
import asyncio
import io
import os
import resource
import time
from datetime import date, timedelta

from pypdf import PdfReader

from shared.domain.analytics.metrics import DailyMetric
from shared.domain.analytics.repository import day_start
from shared.domain.reports.rendering import report_html
from shared.models.analytics_daily_metric import AnalyticsDailyMetric
from shared.models.client_report import ClientReport, MetricRef, Widget, WidgetKind
from shared.utilities import db
from shared.utilities.pdf import DEFAULT_CHROMIUM, html_to_pdf
from tests.factories import create_account

TODAY = date(2026, 4, 1)
METRICS = ("clicks", "impressions", "cost")


def stored(account_id, row: DailyMetric) -> AnalyticsDailyMetric:
    fields = {**row.__dict__, "day": day_start(row.day)}
    return AnalyticsDailyMetric(account_id=account_id, source="google-ads", **fields)


def rows(days: int, campaigns: int) -> list[DailyMetric]:
    start = TODAY - timedelta(days=days)
    return [
        DailyMetric(
            "campaign",
            str(campaign),
            metric,
            start + timedelta(days=offset),
            (campaign + 1) * (offset % 7 + 1) * (100 if metric == "impressions" else 1),
            f"Campaign {campaign}",
            "USD" if metric == "cost" else None,
        )
        for campaign in range(campaigns)
        for offset in range(days)
        for metric in METRICS
    ]


def widgets(charts: int) -> list[Widget]:
    refs = [MetricRef(source="google-ads", metric=metric) for metric in METRICS]
    made = []
    for number in range(charts):
        ref = refs[number % len(refs)]
        if number % 2:
            made.append(
                Widget(
                    kind=WidgetKind.TOP_N,
                    title=f"Top {number}",
                    metrics=[ref],
                    entity_type="campaign",
                )
            )
        else:
            made.append(
                Widget(kind=WidgetKind.TIME_SERIES, title=f"By day {number}", metrics=refs[:2])
            )
    return made


def peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


async def bench(charts: int, days: int, campaigns: int) -> None:
    await db.connect(os.environ.get("MONGO_URL", ""), initiator="bench", database="bench_reports")
    account = await create_account(name="Bench agency")
    # Inserted in one go, not upserted: mongomock scans the collection for each upsert's key.
    await AnalyticsDailyMetric.insert_many(
        [stored(account.id, row) for row in rows(days, campaigns)]
    )
    report = ClientReport(account_id=account.id, name="Bench report", widgets=widgets(charts))
    report.date_range = "last_30_days"

    started = time.perf_counter()
    html = await report_html(report, account, TODAY)
    built = time.perf_counter()
    pdf = await html_to_pdf(html, chromium_path=os.environ.get("CHROMIUM_PATH", DEFAULT_CHROMIUM))
    printed = time.perf_counter()

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    sizes = f"{len(html) / 1024:.0f} KiB of HTML, {len(pdf) / 1024:.0f} KiB of PDF"
    print(f"{charts} charts, {pages} pages, {sizes}")
    print(f"figures and HTML: {built - started:.2f} s")
    print(f"PDF (Chromium):   {printed - built:.2f} s")
    print(f"total:            {printed - started:.2f} s")
    print(
        f"peak memory: this process {peak_mib(resource.RUSAGE_SELF):.0f} MiB, "
        f"largest browser process {peak_mib(resource.RUSAGE_CHILDREN):.0f} MiB"
    )
    await db.disconnect("bench")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--charts", type=int, default=20)
    parser.add_argument("--days", type=int, default=35)
    parser.add_argument("--campaigns", type=int, default=10)
    options = parser.parse_args()
    asyncio.run(bench(options.charts, options.days, options.campaigns))


if __name__ == "__main__":
    main()
