"""An InstaReport built (the `instareports.build` task, QM_INSTAREPORT_BUILD): claimed once from
queued, the listings of the connected sources and the business's standing among competitors
nearby read (`Lookups`, through the platform's other services), the website fetched and each
part scored, the agency's products recommended for the
weak parts, its progress told on the general socket as it goes (`instareport:progress` to the
account's room), and a failure recorded on the report rather than left building."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from beanie import PydanticObjectId

from shared.domain.accounts.repository import account
from shared.domain.instareports.listings import BusinessListing, listings_part
from shared.domain.instareports.recommendations import recommended
from shared.domain.instareports.repository import claim_build, instareport_by_id
from shared.domain.instareports.reviews import Standing, reviews_part
from shared.domain.instareports.rubric import (
    overall,
    seo_part,
    social_part,
    unchecked,
    weak_areas,
    website_part,
)
from shared.domain.instareports.settings import InstaReportSettings
from shared.domain.instareports.website import home_page
from shared.models.base import utc_now
from shared.models.instareport import (
    AuditArea,
    AuditPart,
    Business,
    InstaReport,
    InstaReportStatus,
)
from shared.utilities.outbox import emit, flush
from shared.utilities.realtime import Socket, account_room

# A domain's search visibility read with the account's Semrush key (None without one).
Visibility = Callable[[PydanticObjectId, str], Awaitable[dict[str, float] | None]]
# Each connected listing source's location matching the business (None: none matches); a
# source not connected is left out.
Listings = Callable[[PydanticObjectId, Business], Awaitable[dict[str, BusinessListing | None]]]
# The business's place (its id, or found by its name and address) and its competitors nearby,
# for the account and its agency's quota (None: no place).
Competitors = Callable[[PydanticObjectId, PydanticObjectId, Business], Awaitable[Standing | None]]


async def no_visibility(account_id: PydanticObjectId, domain: str) -> None:
    return None


async def no_listings(account_id: PydanticObjectId, business: Business) -> dict:
    return {}


async def no_competitors(
    account_id: PydanticObjectId, agency_id: PydanticObjectId, business: Business
) -> None:
    return None


@dataclass(frozen=True)
class Lookups:
    """What a build reads through the platform's other services (the queue manager's
    clients); by default nothing is connected."""

    visibility: Visibility = no_visibility
    listings: Listings = no_listings
    competitors: Competitors = no_competitors


NOTHING_CONNECTED = Lookups()


def domain_of(website: str) -> str:
    host = urlsplit(website if "://" in website else f"https://{website}").hostname or ""
    return host.removeprefix("www.")


NO_WEBSITE = "No website was given."


async def told(report: InstaReport, progress: int, status: InstaReportStatus) -> None:
    report.progress, report.status = progress, status
    await report.save()
    data = {"id": str(report.id), "progress": progress, "status": status.value}
    emit(Socket.GENERAL, "instareport:progress", data, account_room(report.account_id))
    await flush()  # the progress goes out now, not when the whole build is done


async def website_parts(
    report: InstaReport, settings: InstaReportSettings, visibility: Visibility
) -> list[AuditPart]:
    if not report.business.website:
        return [
            unchecked(area, NO_WEBSITE)
            for area in (AuditArea.WEBSITE, AuditArea.SEO, AuditArea.SOCIAL)
        ]
    page = await home_page(
        report.business.website, settings.outbound_proxy_url, settings.instareport_fetch_seconds
    )
    seen = await visibility(report.account_id, domain_of(report.business.website))
    return [website_part(page), seo_part(page, seen), social_part(page)]


async def presence_parts(
    report: InstaReport, agency_id: PydanticObjectId, lookups: Lookups
) -> list[AuditPart]:
    """Listings accuracy and reviews against competitors nearby."""
    business = report.business
    found = await lookups.listings(report.account_id, business)
    standing = await lookups.competitors(report.account_id, agency_id, business)
    return [listings_part(business, found), reviews_part(standing)]


async def build(
    report_id: str, settings: InstaReportSettings, lookups: Lookups = NOTHING_CONNECTED
) -> InstaReport | None:
    """The report as built; as it was when another run has claimed it (or it is gone)."""
    report = await instareport_by_id(report_id)
    if report is None or report.id is None or not await claim_build(report.id):
        return report
    report.status = InstaReportStatus.BUILDING
    try:
        await told(report, 10, InstaReportStatus.BUILDING)
        owner = await account(report.account_id)
        agency_id = owner.agency_id if owner else report.account_id
        parts = await presence_parts(report, agency_id, lookups)
        await told(report, 40, InstaReportStatus.BUILDING)
        parts += await website_parts(report, settings, lookups.visibility)
        await told(report, 70, InstaReportStatus.BUILDING)
        report.recommendations = await recommended(agency_id, weak_areas(parts))
        report.parts = parts
        report.score, report.grade = overall(parts)
        report.built_at = utc_now()
        await told(report, 100, InstaReportStatus.READY)
    except Exception as failure:
        report.error = f"{type(failure).__name__}: {failure}"[:500]
        await told(report, report.progress, InstaReportStatus.FAILED)
        raise
    return report
