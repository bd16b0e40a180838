"""The Graph API calls the platform makes: the user's Pages (GET /me/accounts), subscribing a
Page to the app's leadgen webhooks (POST /{page}/subscribed_apps), and ads insights
(GET /act_{id}/insights). Lists page with `paging.cursors.after` while `paging.next` is given."""

from collections.abc import AsyncIterator

from external_api.integrations.framework.http import ProviderHttp, pages
from external_api.integrations.framework.tokens import ConnectedHttp

PAGE_SIZE = 100


def next_cursor(page: dict) -> str | None:
    paging = page.get("paging", {})
    return paging.get("cursors", {}).get("after") if paging.get("next") else None


def with_cursor(params: dict, cursor: str | None) -> dict:
    return {**params, "after": cursor} if cursor else params


class Graph:
    def __init__(self, http: ConnectedHttp, version: str) -> None:
        self.http = http
        self.version = version

    async def listed(self, path: str, params: dict) -> AsyncIterator[dict]:
        async def fetch(cursor: str | None) -> dict:
            return await self.http.json(
                "GET", f"/{self.version}/{path}", params=with_cursor(params, cursor)
            )

        async for page in pages(fetch, next_cursor):
            for item in page.get("data", []):
                yield item

    def pages(self) -> AsyncIterator[dict]:
        """The Pages the user manages, each with its Page access token."""
        fields = "id,name,category,access_token"
        return self.listed("me/accounts", {"fields": fields, "limit": PAGE_SIZE})

    def insights(self, ad_account_id: str, params: dict) -> AsyncIterator[dict]:
        return self.listed(f"act_{ad_account_id}/insights", {**params, "limit": PAGE_SIZE})


async def subscribe_page_to_leads(
    http: ProviderHttp, version: str, page_id: str, page_token: str
) -> None:
    """With the Page's own token, as Facebook requires for subscribed_apps."""
    await http.call(
        "POST",
        f"/{version}/{page_id}/subscribed_apps",
        data={"subscribed_fields": "leadgen"},
        headers={"authorization": f"Bearer {page_token}"},
    )
