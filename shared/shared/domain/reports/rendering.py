"""A report as one HTML page, the same for the preview, the share link and the PDF: its
branding, its period and comparison, and each widget's figures with its chart."""

from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from shared.domain.edocs.merging import money
from shared.domain.reports import charts
from shared.domain.reports.figures import Figures, Kpi, figures_of
from shared.domain.reports.periods import Period, compared_with, period_of
from shared.models.account import Account
from shared.models.client_report import ClientReport, WidgetKind
from shared.utilities.pdf import html_to_pdf


@dataclass(frozen=True)
class Section:
    figures: Figures
    chart: Markup | None


@cache
def environment() -> Environment:
    """The platform's own template (trusted; every value escaped)."""
    templates = Path(__file__).with_name("templates")
    environment = Environment(loader=FileSystemLoader(templates), autoescape=select_autoescape())
    environment.filters["figure"] = figure
    environment.filters["change"] = change
    return environment


def figure(value: float, currency: str | None = None) -> str:
    if currency:
        return money(round(value), currency)
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"


def change(kpi: Kpi) -> str:
    percent = kpi.change_percent
    if percent is None:
        return ""
    return f"{'+' if percent >= 0 else '-'}{abs(percent):.1f}%"


def local_today(report: ClientReport, time_zone: str, now: datetime) -> date:
    """The day it is where the report is read: its schedule's zone, or the account's."""
    zone = report.schedule.time_zone if report.schedule else time_zone
    return now.astimezone(ZoneInfo(zone)).date()


def chart_of(figures: Figures, color: str) -> Markup | None:
    kind = figures.widget.kind
    if kind is WidgetKind.TIME_SERIES and figures.series:
        return charts.line_chart(figures.series, color)
    if kind is WidgetKind.TOP_N and figures.rows:
        return charts.bar_chart(figures.rows, figures.columns[0], color)
    if kind is WidgetKind.FUNNEL and figures.kpis:
        return charts.funnel_chart([(kpi.label, kpi.value) for kpi in figures.kpis], color)
    if kind is WidgetKind.CALLS_BY_SOURCE and figures.rows:
        return charts.pie_chart(figures.rows, color)
    if kind is WidgetKind.REVIEWS_SUMMARY and figures.rows:
        return charts.bar_chart(figures.rows, "Reviews", color)
    return None


async def report_html(report: ClientReport, account: Account, today: date) -> str:
    period = period_of(report, today)
    previous = compared_with(period, report.comparison)
    color = report.branding.primary_color or account.branding.primary_color or "#1f6feb"
    sections = []
    for widget in report.widgets:
        figures = await figures_of(report.account_id, widget, period, previous)
        sections.append(Section(figures, chart_of(figures, color)))
    return render(report, account, period, previous, sections, color)


def render(
    report: ClientReport,
    account: Account,
    period: Period,
    previous: Period | None,
    sections: list[Section],
    color: str,
) -> str:
    return (
        environment()
        .get_template("report.html")
        .render(
            report=report,
            title=report.branding.title or report.name,
            brand=account.branding.name or account.name,
            logo=report.branding.logo_data_url or "",
            color=color,
            period=period,
            previous=previous,
            sections=sections,
            kinds=WidgetKind,
        )
    )


async def report_pdf(report: ClientReport, account: Account, today: date, chromium: str) -> bytes:
    return await html_to_pdf(await report_html(report, account, today), chromium_path=chromium)
