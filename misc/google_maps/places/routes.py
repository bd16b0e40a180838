"""Places and geocoding for signed-in users, and a place's competitors for the queue manager (an
InstaReport), on the platform's Google Maps key."""

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query, Request

from misc.google_maps.places import service
from misc.google_maps.places.schemas import (
    Competition,
    FoundPlace,
    GeocodedPlace,
    Language,
    Place,
    Prediction,
    Results,
)
from misc.google_maps.places.service import DailyQuota, Maps
from misc.google_maps.settings import GoogleMapsSettings
from shared.models.base import utc_now
from shared.utilities.auth import CurrentUser, Principal, TokenKind, requires_service
from shared.utilities.errors import (
    Forbidden,
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


async def counted_maps(principal: Principal, request: Request) -> Maps:
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


async def account_maps(principal: CurrentUser, request: Request) -> Maps:
    return await counted_maps(principal, request)


AccountMaps = Annotated[Maps, Depends(account_maps)]
QueueManager = Annotated[Principal, Depends(requires_service("queue_manager"))]
ObjectIdText = Annotated[str, Path(pattern=r"^[0-9a-f]{24}$")]
PlaceId = Annotated[str, Path(max_length=512, pattern=r"^[A-Za-z0-9_-]+$")]


async def service_maps(
    account_id: ObjectIdText,
    caller: QueueManager,
    request: Request,
    agency_id: Annotated[str, Query(pattern=r"^[0-9a-f]{24}$")] = "",
) -> Maps:
    """Maps for a service acting for an account (named in the path), counted against the
    account's day and its agency's."""
    acting = Principal(
        kind=TokenKind.SERVICE, sub=caller.sub, account_id=account_id, agency_id=agency_id
    )
    return await counted_maps(acting, request)


ServiceMaps = Annotated[Maps, Depends(service_maps)]
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
    summary="A place's address, location and contact details",
    responses=error_responses(*ERRORS, NotFound),
)
async def place_details(
    maps: AccountMaps,
    place_id: PlaceId,
    language: LanguageQuery = None,
) -> Place:
    return await service.place_details(maps, place_id, language)


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


@router.get(
    "/accounts/{account_id}/places/find",
    summary="The place best matching a business's name and address (the queue manager only)",
    description="Find Place from text; nothing matching answers a null `place_id`. Counted "
    "against the account's and its agency's daily quota.",
    responses=error_responses(*ERRORS, Forbidden),
)
async def find_place(
    maps: ServiceMaps, text: Annotated[str, Query(alias="input", min_length=1, max_length=500)]
) -> FoundPlace:
    return FoundPlace(place_id=await service.found_place(maps, text))


@router.get(
    "/accounts/{account_id}/places/{place_id}/competitors",
    summary="A place's rating beside its category's places nearby (the queue manager only)",
    description="Place Details for the place's types, rating and review count, then Nearby "
    "Search for up to 10 operating places of its first specific type within `radius` meters "
    "(none when Google gives it only generic types). Counted against the account's and its "
    "agency's daily quota.",
    responses=error_responses(*ERRORS, Forbidden, NotFound),
)
async def competitors(
    maps: ServiceMaps,
    place_id: PlaceId,
    radius: Annotated[int, Query(ge=100, le=50_000)] = 5000,
) -> Competition:
    return await service.competition(maps, place_id, radius)
