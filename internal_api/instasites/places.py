"""A prospect's public data from Google Maps, through the platform's maps service
(misc/google_maps: `GET /v1/maps/places/{place_id}`, its Place Details), asked with the caller's
own token so the place counts against the account's daily maps quota as if the dashboard had
asked. Its name, category (the place's first type), address, phone and website fill what the
agency did not give."""

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from typing import Annotated, Any

import httpx
from fastapi import Depends, FastAPI, Request

from internal_api.instasites.errors import PlaceNotFound, PlacesUnavailable
from internal_api.settings import InternalApiSettings
from shared.utilities.upstream import http_client

logger = logging.getLogger(__name__)

# Place types that say nothing of the business.
GENERIC_TYPES = frozenset({"point_of_interest", "establishment", "store", "food"})


@dataclass(frozen=True)
class GooglePlaces:
    client: httpx.AsyncClient
    maps_url: str

    async def business(self, place_id: str, authorization: str) -> dict[str, Any]:
        url = f"{self.maps_url.rstrip('/')}/v1/maps/places/{place_id}"
        try:
            response = await self.client.get(url, headers={"authorization": authorization})
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
        "address": {
            "lines": [street] if street else [],
            "locality": named("locality") or named("postal_town"),
            "region": named("administrative_area_level_1", short=True),
            "postal_code": named("postal_code"),
            "country": named("country", short=True),
        },
    }


def google_places(
    settings: InternalApiSettings, transport: httpx.AsyncBaseTransport | None = None
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """The app's lifespan part holding its client of the maps service (`transport` stands in
    for the network in tests)."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        timeout = settings.google_maps_timeout_seconds
        async with http_client(timeout, timeout, transport) as client:
            app.state.places = GooglePlaces(client, settings.google_maps_url)
            yield

    return lifespan


def get_places(request: Request) -> GooglePlaces:
    return request.app.state.places


Places = Annotated[GooglePlaces, Depends(get_places)]
