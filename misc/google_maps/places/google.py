"""Google Maps Platform's web services, called with the platform's key, which stays here.

The endpoints (GET, JSON answers; developers.google.com/maps/documentation):
- Place Autocomplete (Places API): `/maps/api/place/autocomplete/json?input=...`
- Place Details (Places API): `/maps/api/place/details/json?place_id=...&fields=...`
- Geocoding API: `/maps/api/geocode/json?address=...`, and reverse `?latlng=<lat>,<lng>`
- Find Place (Places API): `/maps/api/place/findplacefromtext/json?input=...&inputtype=
  textquery&fields=place_id`, its `candidates`
- Nearby Search (Places API): `/maps/api/place/nearbysearch/json?location=<lat>,<lng>&radius=
  <meters>&type=<place type>`, up to 20 `results` by prominence

Each takes the key as the `key` query parameter and answers `{"status": "OK", ...}`. Another
status comes with an `error_message` meant for the developer: it is logged, never passed on.
"""

import logging

import httpx

from shared.utilities.errors import (
    DomainError,
    InvalidInput,
    NotFound,
    RateLimited,
    UpstreamError,
)
from shared.utilities.upstream import retried_when_busy, upstream_failures

logger = logging.getLogger(__name__)

AUTOCOMPLETE_PATH = "/maps/api/place/autocomplete/json"
DETAILS_PATH = "/maps/api/place/details/json"
GEOCODE_PATH = "/maps/api/geocode/json"
NEARBY_PATH = "/maps/api/place/nearbysearch/json"
FIND_PATH = "/maps/api/place/findplacefromtext/json"

# ZERO_RESULTS is an answer (nothing matched), not a failure.
ANSWERED = {"OK", "ZERO_RESULTS"}
STATUS_ERRORS: dict[str, tuple[type[DomainError], str]] = {
    "INVALID_REQUEST": (InvalidInput, "Google Maps found the request invalid."),
    "NOT_FOUND": (NotFound, "Google Maps knows no such place."),
    "OVER_QUERY_LIMIT": (RateLimited, "The platform's Google Maps quota is used up for now."),
    "REQUEST_DENIED": (UpstreamError, "Google Maps refused the platform's request."),
}
OTHER_FAILURE = (UpstreamError, "Google Maps failed to answer.")


class GoogleMaps:
    """The maps provider on Google's web services."""

    def __init__(self, client: httpx.AsyncClient, base_url: str, api_key: str) -> None:
        self.client = client
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key

    async def get(self, path: str, params: dict[str, str]) -> dict:
        with upstream_failures("Google Maps"):
            response = await self.send(path, params)
        if response.status_code == 429:
            status, error_message = "OVER_QUERY_LIMIT", ""
        elif response.is_error:
            status, error_message = f"HTTP {response.status_code}", ""
        else:
            answer = response.json()
            if answer.get("status") in ANSWERED:
                return answer
            status, error_message = answer.get("status"), answer.get("error_message", "")
        # Google's message is for the key's owner; it should not name the key, but must not leak it.
        error_message = error_message.replace(self.api_key, "<key>")
        logger.warning("Google Maps answered %s to %s: %s", status, path, error_message)
        error, message = STATUS_ERRORS.get(status, OTHER_FAILURE)
        raise error(message)

    @retried_when_busy
    async def send(self, path: str, params: dict[str, str]) -> httpx.Response:
        return await self.client.get(self.base_url + path, params={**params, "key": self.api_key})
