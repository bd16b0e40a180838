"""A prospect's public data from Google Maps, through the platform's maps service
(misc/google_maps: `GET /v1/maps/places/{place_id}`, its Place Details), asked with the caller's
own token so the place counts against the account's daily maps quota as if the dashboard had
asked. Its name, category (the place's first type), address, phone, website, opening hours
(Google's periods as the days each span of hours applies to) and photos (the public addresses
of its first few, which the maps service resolves) fill what the agency did not give."""

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, Request

from internal_api.instasites.errors import PlaceNotFound, PlacesUnavailable
from internal_api.settings import InternalApiSettings
from shared.models.business_profile import Weekday
from shared.utilities.upstream import http_client

logger = logging.getLogger(__name__)

# Place types that say nothing of the business.
GENERIC_TYPES = frozenset({"point_of_interest", "establishment", "store", "food"})
# Photos of a place an InstaSite shows (each costs the maps service one Place Photos request).
PLACE_PHOTOS = 5
# Google's days: 0 is Sunday.
GOOGLE_DAYS = (
    Weekday.SUN,
    Weekday.MON,
    Weekday.TUE,
    Weekday.WED,
    Weekday.THU,
    Weekday.FRI,
    Weekday.SAT,
)


@dataclass(frozen=True)
class GooglePlaces:
    client: httpx.AsyncClient
    maps_url: str

    async def business(self, place_id: str, authorization: str) -> dict[str, Any]:
        url = f"{self.maps_url.rstrip('/')}/v1/maps/places/{place_id}"
        try:
            response = await self.client.get(
                url, params={"photos": PLACE_PHOTOS}, headers={"authorization": authorization}
            )
        except httpx.HTTPError as error:
            logger.warning("the maps service did not answer for %s: %r", place_id, error)
            raise PlacesUnavailable() from error
        if response.status_code == 404:
            raise PlaceNotFound(details=[{"field": "google_place_id", "message": "not found"}])
        if response.is_error:
            logger.warning(
                "the maps service answered %s: %s", response.status_code, response.text[:300]
            )
            raise PlacesUnavailable()
        return business_of(response.json())


def business_of(place: dict[str, Any]) -> dict[str, Any]:
    """A Place (misc/google_maps' answer) as an InstaSite's business data."""
    parts = {kind: part for part in place.get("address_components", []) for kind in part["types"]}

    def named(kind: str, short: bool = False) -> str:
        part = parts.get(kind)
        return (part["short_name"] if short else part["long_name"]) if part else ""

    street = " ".join(filter(None, (named("street_number"), named("route"))))
    category = next((kind for kind in place.get("types", []) if kind not in GENERIC_TYPES), "")
    return {
        "name": place.get("name", ""),
        "category": category.replace("_", " "),
        "phone": place.get("international_phone_number") or "",
        "website": place.get("website") or "",
        "hours": hours_of(place.get("opening_hours") or {}),
        "photos": [photo["url"] for photo in place.get("photos", []) if photo.get("url")],
        "address": {
            "lines": [street] if street else [],
            "locality": named("locality") or named("postal_town"),
            "region": named("administrative_area_level_1", short=True),
            "postal_code": named("postal_code"),
            "country": named("country", short=True),
        },
    }


def hours_of(opening_hours: dict[str, Any]) -> list[dict[str, Any]]:
    """Google's opening periods (`{"open": {"day": 1, "time": "0900"}, "close": ...}`, one per
    span) as spans of hours with the days each applies to, Monday first. A lone period without
    a close is open around the clock; one closing at midnight closes at 24:00."""
    periods = opening_hours.get("periods", [])
    if len(periods) == 1 and not periods[0].get("close"):
        return [{"days": list(Weekday), "opens": "00:00", "closes": "24:00"}]
    spans: dict[tuple[str, str], list[Weekday]] = {}
    for period in periods:
        if not period.get("close"):
            continue
        opens, closes = clock(period["open"]["time"]), clock(period["close"]["time"])
        if closes == "00:00":
            closes = "24:00"
        spans.setdefault((opens, closes), []).append(GOOGLE_DAYS[period["open"]["day"]])
    week = list(Weekday)
    return [
        {"days": sorted(set(days), key=week.index), "opens": opens, "closes": closes}
        for (opens, closes), days in spans.items()
    ]


def clock(hhmm: str) -> str:
    return f"{hhmm[:2]}:{hhmm[2:]}"


def google_places(
    settings: InternalApiSettings, transport: httpx.AsyncBaseTransport | None = None
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan part holding its client of the maps service (`transport` stands in
    for the network in tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        timeout = settings.instasites_sources_timeout_seconds
        async with http_client(timeout, timeout, transport) as client:
            app.state.places = GooglePlaces(client, settings.google_maps_url)
            yield

    return lifespan


def get_places(request: Request) -> GooglePlaces:
    return request.app.state.places


Places = Annotated[GooglePlaces, Depends(get_places)]
