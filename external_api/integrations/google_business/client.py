"""Google Business Profile's APIs: locations from the Business Information API (v1), reviews
from the My Business API (v4), both paginated with pageToken / nextPageToken."""

from collections.abc import AsyncIterator

from external_api.integrations.framework.http import pages
from external_api.integrations.framework.tokens import ConnectedHttp

# What a location answers with: Business Information requires a readMask.
LOCATION_FIELDS = "name,title,phoneNumbers,websiteUri,storefrontAddress"
LOCATIONS_PAGE = 100
REVIEWS_PAGE = 50


def next_page_token(page: dict) -> str | None:
    return page.get("nextPageToken")


class BusinessProfile:
    def __init__(self, http: ConnectedHttp, reviews_url: str) -> None:
        self.http = http
        self.reviews_url = reviews_url.rstrip("/")

    async def locations(self, account: str) -> AsyncIterator[dict]:
        """Every location of the Google account (`accounts/{account}`)."""

        async def fetch(token: str | None) -> dict:
            params = {"readMask": LOCATION_FIELDS, "pageSize": LOCATIONS_PAGE}
            return await self.http.json(
                "GET", f"/v1/accounts/{account}/locations", params=with_token(params, token)
            )

        async for page in pages(fetch, next_page_token):
            for location in page.get("locations", []):
                yield location

    async def reviews(self, account: str, location: str) -> AsyncIterator[dict]:
        """Every review of `accounts/{account}/locations/{location}`, newest first."""
        url = f"{self.reviews_url}/v4/accounts/{account}/locations/{location}/reviews"

        async def fetch(token: str | None) -> dict:
            params = {"pageSize": REVIEWS_PAGE, "orderBy": "updateTime desc"}
            return await self.http.json("GET", url, params=with_token(params, token))

        async for page in pages(fetch, next_page_token):
            for review in page.get("reviews", []):
                yield review


def with_token(params: dict, token: str | None) -> dict:
    return {**params, "pageToken": token} if token else params
