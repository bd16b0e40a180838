"""Places and geocoding for signed-in users, on the platform's Google Maps key."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from misc.google_maps.places import service
from misc.google_maps.places.schemas import GeocodedPlace, Language, Place, Prediction, Results
from misc.google_maps.places.service import DailyQuota, Maps
from misc.google_maps.settings import GoogleMapsSettings
from shared.models.base import utc_now
from shared.utilities.auth import CurrentUser
from shared.utilities.errors import (
    InvalidInput,
    NotFound,
    RateLimited,
    ServiceUnavailable,
    Unauthorized,
    UpstreamError,
    UpstreamTimeout,
    error_responses,
)
from shared.utilities.settings import env_name

router = APIRouter(prefix="/v1/maps", tags=["maps"])

ERRORS = (
    Unauthorized,
    InvalidInput,
    RateLimited,
    UpstreamError,
    ServiceUnavailable,
    UpstreamTimeout,
)


async def account_maps(principal: CurrentUser, request: Request) -> Maps:
    """Maps for this request: 503 without a key, 429 once the account's or its agency's day
    is used up."""
    settings: GoogleMapsSettings = request.app.state.settings
    if not settings.api_key.get_secret_value():
        raise ServiceUnavailable(
            f"Maps are not configured: set {env_name(type(settings), 'api_key')}."
        )
    quota = DailyQuota(settings.daily_requests_per_account, settings.daily_requests_per_agency)
    await service.count_request(request.app.state.quotas, principal, quota, utc_now())
    return request.app.state.maps


AccountMaps = Annotated[Maps, Depends(account_maps)]
LanguageQuery = Annotated[Language, Query()]


@router.get(
    "/places/autocomplete",
    summary="Places the user may be typing",
    description="Nothing matching answers an empty list.",
    responses=error_responses(*ERRORS),
)
async def autocomplete(
    maps: AccountMaps,
    text: Annotated[str, Query(alias="input", min_length=1, max_length=300)],
    language: LanguageQuery = None,
) -> Results[Prediction]:
    return Results(data=await service.autocomplete(maps, text, language))


@router.get(
    "/places/{place_id}",
    summary="A place's address, location, contact details, opening hours and photos",
    description="`photos=N` resolves the public image address (`url`) of the first N photos "
    "(each a Place Photos request to Google); the others carry only their reference.",
    responses=error_responses(*ERRORS, NotFound),
)
async def place_details(
    maps: AccountMaps,
    place_id: Annotated[str, Path(max_length=512, pattern=r"^[A-Za-z0-9_-]+$")],
    language: LanguageQuery = None,
    photos: Annotated[int, Query(ge=0, le=10)] = 0,
) -> Place:
    return await service.place_details(maps, place_id, language, photos)


@router.get(
    "/geocode",
    summary="Places at an address",
    description="An address matching nothing answers an empty list.",
    responses=error_responses(*ERRORS),
)
async def geocode(
    maps: AccountMaps,
    address: Annotated[str, Query(min_length=1, max_length=500)],
    language: LanguageQuery = None,
) -> Results[GeocodedPlace]:
    return Results(data=await service.geocode(maps, address, language))


@router.get(
    "/reverse-geocode",
    summary="Addresses at a point",
    description="A point with no address (mid-ocean) answers an empty list.",
    responses=error_responses(*ERRORS),
)
async def reverse_geocode(
    maps: AccountMaps,
    lat: Annotated[float, Query(ge=-90, le=90)],
    lng: Annotated[float, Query(ge=-180, le=180)],
    language: LanguageQuery = None,
) -> Results[GeocodedPlace]:
    return Results(data=await service.reverse_geocode(maps, lat, lng, language))
