"""Reading an account's Business Profile locations and reviews into the platform's models."""

from datetime import datetime
from typing import Any, TypeVar

from beanie import Document, PydanticObjectId

from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.google_business.client import BusinessProfile, changed_at
from external_api.integrations.google_business.repository import (
    LocationRepository,
    ReviewRepository,
)
from external_api.integrations.google_business.schemas import ReviewSync
from shared.domain.reviews.writing import store_review
from shared.models.base import utc_now
from shared.models.business_location import BusinessLocation, LocationAddress
from shared.models.review import Review, ReviewSource
from shared.utilities.pagination import Page, PageParams

DocumentT = TypeVar("DocumentT", bound=Document)
STARS = {"ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5}


def location_fields(location: dict) -> dict:
    address = location.get("storefrontAddress")
    return {
        "provider_location": location["name"].removeprefix("locations/"),
        "title": location.get("title", ""),
        "phone": location.get("phoneNumbers", {}).get("primaryPhone", ""),
        "website": location.get("websiteUri", ""),
        "address": LocationAddress(
            lines=address.get("addressLines", []),
            locality=address.get("locality", ""),
            region=address.get("administrativeArea", ""),
            postal_code=address.get("postalCode", ""),
            country=address.get("regionCode", ""),
        )
        if address
        else None,
    }


async def sync_locations(
    http: ConnectedHttp, reviews_url: str, account_id: str, google_account: str
) -> list[BusinessLocation]:
    """Store (or update) every location of the Google account; answer them."""
    locations = LocationRepository(account_id)
    stored = []
    async for location in BusinessProfile(http, reviews_url).locations(google_account):
        fields = {**location_fields(location), "provider_account": google_account}
        existing = await locations.by_google_name(fields["provider_location"])
        stored.append(
            await updated(existing, fields) if existing else await locations.create(**fields)
        )
    return stored


async def list_locations(account_id: str, params: PageParams) -> Page[BusinessLocation]:
    return await LocationRepository(account_id).paginate(params)


def review_fields(review: dict, location_id: PydanticObjectId) -> dict:
    reply = review.get("reviewReply") or {}
    return {
        "location_id": location_id,
        "reviewer_name": review.get("reviewer", {}).get("displayName", ""),
        "rating": STARS.get(review.get("starRating", ""), 0),
        "comment": review.get("comment", ""),
        "reply": reply.get("comment", ""),
        "reviewed_at": datetime.fromisoformat(review["createTime"]),
        "replied_at": datetime.fromisoformat(reply["updateTime"]) if reply else None,
        "provider_updated_at": changed_at(review),
    }


async def sync_reviews(
    http: ConnectedHttp, reviews_url: str, account_id: str, location_id: str
) -> ReviewSync:
    """Store what changed in the location's reviews since the last sync (every review the
    first time): new ones, edited ones (a new updateTime), replies written at Google. New ones
    go on to the reputation queue (alerts, auto-reply) through the reviews' write path."""
    location = await LocationRepository(account_id).get(location_id)
    assert location.id is not None, "a stored location"
    profile = BusinessProfile(http, reviews_url)
    synced, newest = 0, location.reviews_changed_until
    found = profile.reviews(
        location.provider_account, location.provider_location, location.reviews_changed_until
    )
    async for review in found:
        fields = review_fields(review, location.id)
        await store_review(account_id, ReviewSource.GOOGLE, review["reviewId"], fields)
        newest = max(newest or fields["provider_updated_at"], fields["provider_updated_at"])
        synced += 1
    location.reviews_changed_until = newest
    location.reviews_synced_at = utc_now()
    await location.save()
    return ReviewSync(synced=synced)


async def list_reviews(account_id: str, location_id: str, params: PageParams) -> Page[Review]:
    location = await LocationRepository(account_id).get(location_id)
    assert location.id is not None, "a stored location"
    return await ReviewRepository(account_id, location.id).paginate(params)


async def updated(document: DocumentT, fields: dict[str, Any]) -> DocumentT:
    """The stored document, given what the provider answers now."""
    for name, value in fields.items():
        setattr(document, name, value)
    await document.save()
    return document
