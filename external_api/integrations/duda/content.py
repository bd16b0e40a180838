"""A business profile as Duda's content library holds it (`location_data` for the primary
location: phones, emails, address, logo, business hours; `business_data` for the name and
logo), which the site's connected widgets (address, map, hours, click-to-call) show."""

from typing import Any

from shared.models.business_profile import BusinessProfile
from shared.models.instasite import InstasiteBusiness


def content_library(profile: BusinessProfile | InstasiteBusiness) -> dict[str, Any]:
    location: dict[str, Any] = {
        "label": profile.name,
        "phones": [{"phoneNumber": profile.phone, "label": "Main"}] if profile.phone else [],
        "emails": [{"emailAddress": profile.email, "label": "Main"}] if profile.email else [],
        "business_hours": [
            {"days": [day.value for day in hours.days], "open": hours.opens, "close": hours.closes}
            for hours in profile.hours
        ],
    }
    if profile.address:
        address = profile.address
        location["address"] = {
            "streetAddress": ", ".join(address.lines),
            "city": address.locality,
            "region": address.region,
            "postalCode": address.postal_code,
            "country": address.country,
        }
    business: dict[str, Any] = {"name": profile.name}
    if profile.logo_url:
        location["logo_url"] = business["logo_url"] = profile.logo_url
    return {"location_data": location, "business_data": business}
