"""Places and geocoding for an account: answers cached by query in Redis, requests counted
against each account's daily quota."""

import hashlib
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from math import ceil
from typing import Any, Protocol
from urllib.parse import urlencode

from pydantic import RootModel
from redis.asyncio import Redis

from misc.google_maps.places.google import AUTOCOMPLETE_PATH, DETAILS_PATH, GEOCODE_PATH
from misc.google_maps.places.schemas import GeocodedPlace, Place, Prediction
from shared.utilities.cache import RedisCache
from shared.utilities.errors import NotFound, RateLimited

# Place Details bills by the fields asked for: these are the ones Place answers with.
DETAILS_FIELDS = (
    "place_id,name,formatted_address,geometry/location,types,address_components,"
    "international_phone_number,website"
)


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


async def count_request(redis: Redis, account_id: str, daily_limit: int, now: datetime) -> None:
    """Count one request against the account's UTC day; 429 once the day's limit is passed."""
    key = f"google_maps:quota:{account_id}:{now.date().isoformat()}"
    next_midnight = datetime.combine(now.date() + timedelta(days=1), time(), now.tzinfo)
    async with redis.pipeline(transaction=True) as pipe:
        pipe.incr(key)
        pipe.expireat(key, next_midnight)
        count, _ = await pipe.execute()
    if count > daily_limit:
        raise RateLimited(
            f"The account's {daily_limit} maps requests for today are used up.",
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


async def geocode(maps: Maps, address: str, language: str | None) -> list[GeocodedPlace]:
    answer = await maps.get(GEOCODE_PATH, query(address=address, language=language))
    return [GeocodedPlace.of(result) for result in answer.get("results", [])]


async def reverse_geocode(
    maps: Maps, lat: float, lng: float, language: str | None
) -> list[GeocodedPlace]:
    answer = await maps.get(GEOCODE_PATH, query(latlng=f"{lat},{lng}", language=language))
    return [GeocodedPlace.of(result) for result in answer.get("results", [])]
