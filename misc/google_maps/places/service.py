"""Places and geocoding for an account: answers cached by query in Redis, requests counted
against the account's daily quota and its agency's (over all its accounts), so a sub-account
cannot multiply its agency's quota."""

import hashlib
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from math import ceil
from typing import Any, Protocol
from urllib.parse import urlencode

from pydantic import RootModel

from misc.google_maps.places.google import (
    AUTOCOMPLETE_PATH,
    DETAILS_PATH,
    FIND_PATH,
    GEOCODE_PATH,
    NEARBY_PATH,
)
from misc.google_maps.places.schemas import (
    Competition,
    GeocodedPlace,
    Place,
    Prediction,
    RatedPlace,
)
from shared.utilities.auth import Principal
from shared.utilities.cache import RedisCache
from shared.utilities.errors import NotFound, RateLimited
from shared.utilities.quotas import Counter, Quotas

# Place Details bills by the fields asked for: these are the ones Place answers with.
DETAILS_FIELDS = (
    "place_id,name,formatted_address,geometry/location,types,address_components,"
    "international_phone_number,website"
)

# A place's standing among its competitors: where it is, what it is and how it is rated.
RATED_FIELDS = "place_id,name,geometry/location,types,rating,user_ratings_total"
# Types every business has: they name no category to compare within.
GENERIC_TYPES = frozenset({"point_of_interest", "establishment"})
MAX_COMPETITORS = 10


class MapsProvider(Protocol):
    async def get(self, path: str, params: dict[str, str]) -> dict:
        """The provider's JSON answer to a query; raises a DomainError when it fails."""
        ...


class Answer(RootModel[dict[str, Any]]):
    """A provider's answer as it came, for the cache."""


@dataclass(frozen=True)
class Maps:
    """The provider behind the cache: the same query is answered from Redis while it is kept."""

    provider: MapsProvider
    answers: RedisCache[Answer]

    async def get(self, path: str, params: dict[str, str]) -> dict:
        async def ask_provider() -> Answer:
            return Answer(await self.provider.get(path, params))

        query = f"{path}?{urlencode(sorted(params.items()))}"
        key = hashlib.sha256(query.encode()).hexdigest()  # bounded, whatever the user typed
        return (await self.answers.get_or_fetch(key, ask_provider)).root


@dataclass(frozen=True)
class DailyQuota:
    per_account: int
    per_agency: int  # 0: none


async def count_request(
    quotas: Quotas, principal: Principal, quota: DailyQuota, now: datetime
) -> None:
    """Count one request against the account's UTC day and its agency's; 429 once either
    day's quota is used up (the request then counts against neither)."""
    agency_id = principal.agency_id or principal.account_id
    prefix = f"google_maps:quota:{now.date().isoformat()}:{{{agency_id}}}"
    counters = [
        Counter(f"{prefix}:account:{principal.account_id}", quota.per_account, "account"),
        Counter(f"{prefix}:agency", quota.per_agency, "agency"),
    ]
    next_midnight = datetime.combine(now.date() + timedelta(days=1), time(), now.tzinfo)
    refusal = await quotas.take(counters, 1, int(next_midnight.timestamp()))
    if refusal is None:
        return
    whose = "account's" if refusal.counter.holder == "account" else "agency's accounts'"
    raise RateLimited(
        f"The {whose} {refusal.counter.cap} maps requests for today are used up.",
        details=[{"limit": refusal.counter.holder, "requests": refusal.counter.cap}],
        headers={"Retry-After": str(ceil((next_midnight - now).total_seconds()))},
    )


def query(**params: str | None) -> dict[str, str]:
    """The provider's query parameters, leaving out those not given."""
    return {name: value for name, value in params.items() if value is not None}


async def autocomplete(maps: Maps, text: str, language: str | None) -> list[Prediction]:
    answer = await maps.get(AUTOCOMPLETE_PATH, query(input=text, language=language))
    return [Prediction.of(prediction) for prediction in answer.get("predictions", [])]


async def place_details(maps: Maps, place_id: str, language: str | None) -> Place:
    params = query(place_id=place_id, fields=DETAILS_FIELDS, language=language)
    answer = await maps.get(DETAILS_PATH, params)
    if "result" not in answer:  # ZERO_RESULTS: the id no longer names a place
        raise NotFound(f"No place has the id {place_id}.")
    return Place.of(answer["result"])


async def found_place(maps: Maps, text: str) -> str | None:
    """The id of the place best matching a name and address (Find Place); None when none."""
    params = {"input": text, "inputtype": "textquery", "fields": "place_id"}
    answer = await maps.get(FIND_PATH, params)
    return next((found["place_id"] for found in answer.get("candidates", [])), None)


async def competition(maps: Maps, place_id: str, radius_meters: int) -> Competition:
    """The place and up to `MAX_COMPETITORS` operating places of its first specific type within
    the radius (none when it has only generic types), in Google's order of prominence."""
    answer = await maps.get(DETAILS_PATH, query(place_id=place_id, fields=RATED_FIELDS))
    if "result" not in answer:
        raise NotFound(f"No place has the id {place_id}.")
    place = answer["result"]
    category = next((kind for kind in place.get("types", []) if kind not in GENERIC_TYPES), "")
    rivals: list[RatedPlace] = []
    if category:
        at = place["geometry"]["location"]
        params = query(location=f"{at['lat']},{at['lng']}", radius=str(radius_meters))
        nearby = await maps.get(NEARBY_PATH, {**params, "type": category})
        rivals = [
            RatedPlace.of(result)
            for result in nearby.get("results", [])
            if result.get("place_id") != place_id
            and result.get("business_status", "OPERATIONAL") == "OPERATIONAL"
        ][:MAX_COMPETITORS]
    return Competition(place=RatedPlace.of(place), category=category, competitors=rivals)


async def geocode(maps: Maps, address: str, language: str | None) -> list[GeocodedPlace]:
    answer = await maps.get(GEOCODE_PATH, query(address=address, language=language))
    return [GeocodedPlace.of(result) for result in answer.get("results", [])]


async def reverse_geocode(
    maps: Maps, lat: float, lng: float, language: str | None
) -> list[GeocodedPlace]:
    answer = await maps.get(GEOCODE_PATH, query(latlng=f"{lat},{lng}", language=language))
    return [GeocodedPlace.of(result) for result in answer.get("results", [])]
