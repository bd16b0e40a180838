"""The account's Business Profile location matching an InstaReport's business, for its
listings accuracy: the locations stored by the last sync matched on name, address, phone and
website, then the best one read again from the Business Information API with its regular
opening hours (`regularHours.periods`, each an open day and time and a close day and time)."""

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.google_business.client import LOCATION_FIELDS, BusinessProfile
from external_api.integrations.google_business.repository import PROVIDER, LocationRepository
from external_api.integrations.google_business.service import location_fields
from shared.domain.instareports.listings import BusinessListing, address_text, best_match, hour_text
from shared.models.business_location import BusinessLocation, LocationAddress
from shared.models.instareport import Business
from shared.utilities.errors import NotFound

LISTING_FIELDS = f"{LOCATION_FIELDS},regularHours"
MATCHED_FROM = 100  # locations of the account looked at
DAYS = {
    "MONDAY": "MON",
    "TUESDAY": "TUE",
    "WEDNESDAY": "WED",
    "THURSDAY": "THU",
    "FRIDAY": "FRI",
    "SATURDAY": "SAT",
    "SUNDAY": "SUN",
}


def clock(time: dict) -> str:
    """Google's TimeOfDay (`{"hours": 9}`; an hour or minute of zero is left out)."""
    return f"{time.get('hours', 0):02d}:{time.get('minutes', 0):02d}"


def opening_hours(regular: dict) -> list[str]:
    periods = [period for period in regular.get("periods", []) if period.get("openDay") in DAYS]
    order = list(DAYS)
    periods.sort(key=lambda period: (order.index(period["openDay"]), clock(period["openTime"])))
    return [
        hour_text(DAYS[period["openDay"]], clock(period["openTime"]), clock(period["closeTime"]))
        for period in periods
    ]


def text_of(address: LocationAddress | None) -> str:
    if address is None:
        return ""
    return address_text(address.lines, address.locality, address.region, address.postal_code)


def stored_listing(location: BusinessLocation) -> BusinessListing:
    return BusinessListing(
        source=PROVIDER,
        name=location.title,
        address=text_of(location.address),
        phone=location.phone,
        website=location.website,
    )


def live_listing(location: dict) -> BusinessListing:
    fields = location_fields(location)
    return BusinessListing(
        source=PROVIDER,
        name=fields["title"],
        address=text_of(fields["address"]),
        phone=fields["phone"],
        website=fields["website"],
        hours=opening_hours(location.get("regularHours") or {}),
    )


async def matching_listing(
    integrations: Integrations, account_id: str, business: Business
) -> BusinessListing:
    """409 `not_connected` without a connection; 404 when no stored location matches."""
    await integrations.store(PROVIDER).connected(account_id)
    stored = await LocationRepository(account_id).first(MATCHED_FROM)
    candidates = [stored_listing(location) for location in stored]
    best = best_match(business, candidates)
    if best is None:
        raise NotFound("No Business Profile location of the account matches the business.")
    location = stored[candidates.index(best)]
    reviews_url = integrations.settings.google.business_reviews_url
    profile = BusinessProfile(integrations.connected_http(PROVIDER, account_id), reviews_url)
    return live_listing(await profile.location(location.provider_location, LISTING_FIELDS))
