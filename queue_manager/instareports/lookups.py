"""An InstaReport's lookups as the queue manager makes them with its service token: each
connected listing source's location matching the business (the external API), the business's
place (given, or found by its name and address) beside its competitors nearby
(misc/google_maps) and the prospect's search visibility (Semrush, through the external API).
A source that cannot answer leaves its part unread, never the build failed."""

import logging
from typing import Any

import httpx
from beanie import PydanticObjectId

from queue_manager.analytics.client import semrush_visibility
from queue_manager.celery import settings
from queue_manager.external.client import error_code, external_api
from queue_manager.siblings import sibling
from shared.domain.instareports.building import Lookups
from shared.domain.instareports.listings import SOURCES, BusinessListing
from shared.domain.instareports.reviews import NEARBY_METERS, Standing
from shared.models.instareport import Business, Competitor
from shared.utilities.siblings import SiblingService

logger = logging.getLogger(__name__)

NOT_CONNECTED = frozenset({"not_connected", "reconnect_needed"})


async def answer(
    service: SiblingService, method: str, path: str, **options: Any
) -> httpx.Response | None:
    try:
        return await service.request(method, path, **options)
    except httpx.TransportError as error:
        logger.warning("%s %s not answered: %r", service.audience, path, error)
        return None


async def listings(
    account_id: PydanticObjectId, business: Business
) -> dict[str, BusinessListing | None]:
    """Each connected source's location matching the business (None: none matches)."""
    found: dict[str, BusinessListing | None] = {}
    body = business.model_dump(mode="json")
    for source in SOURCES:
        path = f"/v1/e/{source}/accounts/{account_id}/listing"
        response = await answer(external_api(), "POST", path, json=body)
        if response is None or error_code(response) in NOT_CONNECTED:
            continue
        if response.status_code == 404:
            found[source] = None
        elif response.is_success:
            found[source] = BusinessListing.model_validate(response.json())
        else:
            logger.warning("%s listing not read: %s", source, response.text[:300])
    return found


def competitor(place: dict) -> Competitor:
    return Competitor(
        name=place["name"], rating=place.get("rating"), reviews=place["user_ratings_total"]
    )


async def maps_answer(path: str, params: dict) -> dict | None:
    response = await answer(
        sibling(settings.google_maps_url, "google_maps"), "GET", path, params=params
    )
    if response is None or response.is_error:
        logger.warning("the maps service did not answer %s", path)
        return None
    return response.json()


async def place_of(
    account_id: PydanticObjectId, agency_id: PydanticObjectId, business: Business
) -> str | None:
    """The business's Google place: the one given, or the one its name and address find."""
    if business.place_id or not business.address:
        return business.place_id
    path = f"/v1/maps/accounts/{account_id}/places/find"
    text = f"{business.name}, {business.address}"
    found = await maps_answer(path, {"input": text, "agency_id": str(agency_id)})
    return found["place_id"] if found else None


async def competitors(
    account_id: PydanticObjectId, agency_id: PydanticObjectId, business: Business
) -> Standing | None:
    place_id = await place_of(account_id, agency_id, business)
    if place_id is None:
        return None
    path = f"/v1/maps/accounts/{account_id}/places/{place_id}/competitors"
    found = await maps_answer(path, {"radius": NEARBY_METERS, "agency_id": str(agency_id)})
    if found is None:
        return None
    return Standing(
        category=found["category"],
        business=competitor(found["place"]),
        competitors=[competitor(place) for place in found["competitors"]],
    )


LOOKUPS = Lookups(visibility=semrush_visibility, listings=listings, competitors=competitors)
