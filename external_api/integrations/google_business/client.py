"""Google Business Profile's APIs: locations from the Business Information API (v1), reviews
and their replies from the My Business API (v4), lists paginated with pageToken /
nextPageToken. Replies: `PUT` and `DELETE accounts/{a}/locations/{l}/reviews/{r}/reply`."""

from collections.abc import AsyncIterator
from datetime import datetime

from external_api.integrations.framework.http import pages
from external_api.integrations.framework.tokens import ConnectedHttp

# What a location answers with: Business Information requires a readMask.
LOCATION_FIELDS = "name,title,phoneNumbers,websiteUri,storefrontAddress"
LOCATIONS_PAGE = 100
REVIEWS_PAGE = 50


def next_page_token(page: dict) -> str | None:
    return page.get("nextPageToken")


def changed_at(review: dict) -> datetime:
    return datetime.fromisoformat(review.get("updateTime") or review["createTime"])


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

    async def location(self, location: str, read_mask: str) -> dict:
        """One location (`locations/{location}`) with the fields of `read_mask`."""
        return await self.http.json(
            "GET", f"/v1/locations/{location}", params={"readMask": read_mask}
        )

    def review_url(self, account: str, location: str) -> str:
        return f"{self.reviews_url}/v4/accounts/{account}/locations/{location}/reviews"

    async def reviews(
        self, account: str, location: str, changed_after: datetime | None = None
    ) -> AsyncIterator[dict]:
        """The reviews of `accounts/{account}/locations/{location}`, the latest changed first;
        with `changed_after`, only those changed (written or edited) after it: the pages stop
        at the first older one."""
        url = self.review_url(account, location)

        async def fetch(token: str | None) -> dict:
            params = {"pageSize": REVIEWS_PAGE, "orderBy": "updateTime desc"}
            return await self.http.json("GET", url, params=with_token(params, token))

        async for page in pages(fetch, next_page_token):
            for review in page.get("reviews", []):
                if changed_after is not None and changed_at(review) <= changed_after:
                    return
                yield review

    async def put_reply(self, account: str, location: str, review: str, comment: str) -> dict:
        """The reply posted (or replaced): Google answers the ReviewReply, `comment` and
        `updateTime`."""
        url = f"{self.review_url(account, location)}/{review}/reply"
        return await self.http.json("PUT", url, json={"comment": comment})

    async def delete_reply(self, account: str, location: str, review: str) -> None:
        await self.http.call("DELETE", f"{self.review_url(account, location)}/{review}/reply")


def with_token(params: dict, token: str | None) -> dict:
    return {**params, "pageToken": token} if token else params
