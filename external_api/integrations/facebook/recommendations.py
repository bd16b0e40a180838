"""A connected account's Facebook Pages' recommendations into its reviews inbox: Graph API
`GET /{page-id}/ratings` with each Page's own token (its `pages_read_user_content`), each
rating stored once by its open graph story's id through the reviews' write path. Facebook
recommends or does not: stored as 5 and 1 stars (an old star rating is kept as given)."""

from collections.abc import AsyncIterator
from datetime import datetime

from external_api.integrations.facebook.client import next_cursor, with_cursor
from external_api.integrations.framework.http import ProviderHttp, pages
from external_api.integrations.framework.runtime import Integrations
from shared.domain.reviews.writing import store_review
from shared.models.facebook_token import FacebookPage
from shared.models.review import ReviewSource

PROVIDER = "facebook"
RATING_FIELDS = (
    "created_time,recommendation_type,rating,review_text,reviewer{name},open_graph_story{id}"
)
PAGE_SIZE = 100


def stars_of(rating: dict) -> int:
    if isinstance(rating.get("rating"), int):
        return min(max(rating["rating"], 1), 5)
    return 5 if rating.get("recommendation_type") == "positive" else 1


def review_fields(rating: dict) -> dict:
    return {
        "reviewer_name": (rating.get("reviewer") or {}).get("name", ""),
        "rating": stars_of(rating),
        "comment": rating.get("review_text", ""),
        "reviewed_at": datetime.fromisoformat(rating["created_time"]),
    }


async def ratings(http: ProviderHttp, version: str, page: FacebookPage, token: str):
    async def fetch(cursor: str | None) -> dict:
        params = with_cursor({"fields": RATING_FIELDS, "limit": PAGE_SIZE}, cursor)
        headers = {"authorization": f"Bearer {token}"}
        path = f"/{version}/{page.id}/ratings"
        return await http.json("GET", path, params=params, headers=headers)

    async for listed in pages(fetch, next_cursor):
        for rating in listed.get("data", []):
            yield rating


async def sync_recommendations(integrations: Integrations, account_id: str) -> int:
    """How many recommendations were read, over every Page of the connection."""
    credential = await integrations.store(PROVIDER).connected(account_id)
    http, version = integrations.http[PROVIDER], integrations.settings.facebook.graph_version
    read = 0
    for page in credential.pages:
        token = integrations.box.open(page.access_token)
        found: AsyncIterator[dict] = ratings(http, version, page, token)
        async for rating in found:
            story = (rating.get("open_graph_story") or {}).get("id")
            if story:
                await store_review(account_id, ReviewSource.FACEBOOK, story, review_fields(rating))
                read += 1
    return read
