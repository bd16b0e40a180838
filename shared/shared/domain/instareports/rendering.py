"""An InstaReport as one HTML page, the same for the dashboard, the prospect's link and the
PDF: the agency's branding, the overall grade, each part's checks and the products
recommended."""

from functools import cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

from shared.domain.edocs.merging import money
from shared.models.account import Account
from shared.models.instareport import InstaReport
from shared.utilities.pdf import html_to_pdf


@cache
def environment() -> Environment:
    """The platform's own template (trusted; every value escaped)."""
    templates = Path(__file__).with_name("templates")
    environment = Environment(loader=FileSystemLoader(templates), autoescape=select_autoescape())
    environment.filters["money"] = lambda amount, currency: money(int(amount), currency)
    return environment


def instareport_html(report: InstaReport, agency: Account) -> str:
    return (
        environment()
        .get_template("instareport.html")
        .render(
            report=report,
            brand=agency.branding.name or agency.name,
            color=agency.branding.primary_color or "#1f6feb",
        )
    )


async def instareport_pdf(report: InstaReport, agency: Account, chromium_path: str) -> bytes:
    return await html_to_pdf(instareport_html(report, agency), chromium_path=chromium_path)
