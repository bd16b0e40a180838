"""A Yext entity (a location) as an InstaSite's business data: its name, description, phone,
email, website, address, opening hours (each day's open intervals), logo and photo gallery, as
Yext's Knowledge Graph fields hold them."""

from typing import Any

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.yext.client import YextClient
from external_api.integrations.yext.service import client_for

DAYS = {
    "monday": "MON",
    "tuesday": "TUE",
    "wednesday": "WED",
    "thursday": "THU",
    "friday": "FRI",
    "saturday": "SAT",
    "sunday": "SUN",
}


async def entity_business(integrations: Integrations, account_id: str, entity_id: str) -> dict:
    client: YextClient = await client_for(integrations, account_id)
    return business_of(await client.entity(entity_id))


def business_of(entity: dict[str, Any]) -> dict[str, Any]:
    address = entity.get("address") or {}
    return {
        "name": entity.get("name", ""),
        "category": entity.get("description", "")[:200],
        "phone": entity.get("mainPhone", ""),
        "email": next(iter(entity.get("emails") or []), ""),
        "website": (entity.get("websiteUrl") or {}).get("url", ""),
        "address": {
            "lines": [line for line in (address.get("line1"), address.get("line2")) if line],
            "locality": address.get("city", ""),
            "region": address.get("region", ""),
            "postal_code": address.get("postalCode", ""),
            "country": address.get("countryCode", ""),
        }
        if address
        else None,
        "hours": opening_hours(entity.get("hours") or {}),
        "logo_url": image_url(entity.get("logo")),
        "photos": [url for photo in entity.get("photoGallery") or [] if (url := image_url(photo))],
    }


def opening_hours(hours: dict[str, Any]) -> list[dict[str, Any]]:
    """Yext's `{"monday": {"openIntervals": [{"start", "end"}]}, ...}`, one entry per interval."""
    return [
        {"days": [code], "opens": interval["start"], "closes": interval["end"]}
        for day, code in DAYS.items()
        for interval in (hours.get(day) or {}).get("openIntervals", [])
        if interval.get("start") and interval.get("end")
    ]


def image_url(photo: Any) -> str | None:
    if not isinstance(photo, dict):
        return None
    return (photo.get("image") or {}).get("url")
