"""An InstaReport's lookups as the queue manager makes them with its service token: each
connected listing source's location matching the business (the external API), the business's
place beside its competitors nearby (misc/google_maps) and the prospect's search visibility
(Semrush, through the external API). A source that cannot answer leaves its part unread, never
the build failed."""

import logging

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

logger = logging.getLogger(__name__)

NOT_CONNECTED = frozenset({"not_connected", "reconnect_needed"})


async def answer(service, method: str, path: str, **options) -> httpx.Response | None:
    try:
        return await service.request(method, path, **options)
    except httpx.TransportError as error:
        logger.warning("%s %s not answered: %r", service.audience, path, error)
        return None


async def listings(account_id: PydanticObjectId, business: Business) -> dict:
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


async def competitors(
    account_id: PydanticObjectId, agency_id: PydanticObjectId, place_id: str
) -> Standing | None:
    maps = sibling(settings.google_maps_url, "google_maps")
    path = f"/v1/maps/accounts/{account_id}/places/{place_id}/competitors"
    params = {"radius": NEARBY_METERS, "agency_id": str(agency_id)}
    response = await answer(maps, "GET", path, params=params)
    if response is None or response.is_error:
        logger.warning("competitors of %s not read", place_id)
        return None
    found = response.json()
    return Standing(
        category=found["category"],
        business=competitor(found["place"]),
        competitors=[competitor(place) for place in found["competitors"]],
    )


LOOKUPS = Lookups(visibility=semrush_visibility, listings=listings, competitors=competitors)
