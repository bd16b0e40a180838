"""Reading an account's Business Profile locations and reviews into the platform's models."""

from datetime import datetime

from external_api.integrations.framework.tokens import ConnectedHttp
from external_api.integrations.google_business.client import BusinessProfile
from external_api.integrations.google_business.schemas import (
    BusinessLocationRead,
    ReviewRead,
    ReviewSync,
)
from shared.models.business_location import BusinessLocation, LocationAddress
from shared.models.review import Review
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import TenantRepository

PROVIDER = "google-business"
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
) -> list[BusinessLocationRead]:
    """Store (or update) every location of the Google account; answer them."""
    repository = TenantRepository(BusinessLocation, account_id)
    stored = []
    async for location in BusinessProfile(http, reviews_url).locations(google_account):
        fields = {**location_fields(location), "provider_account": google_account}
        existing = await repository.model.find_one(
            repository.scoped(
                {"provider": PROVIDER, "provider_location": fields["provider_location"]}
            )
        )
        if existing is None:
            stored.append(await repository.create(provider=PROVIDER, **fields))
        else:
            for name, value in fields.items():
                setattr(existing, name, value)
            await existing.save()
            stored.append(existing)
    return [location_read(location) for location in stored]


async def list_locations(account_id: str, params: PageParams) -> Page[BusinessLocationRead]:
    page = await TenantRepository(BusinessLocation, account_id).paginate(
        params, {"provider": PROVIDER}
    )
    return Page[BusinessLocationRead](
        data=[location_read(location) for location in page.data], pagination=page.pagination
    )


def review_fields(review: dict) -> dict:
    reply = review.get("reviewReply") or {}
    return {
        "provider_review_id": review["reviewId"],
        "reviewer_name": review.get("reviewer", {}).get("displayName", ""),
        "rating": STARS.get(review.get("starRating", ""), 0),
        "comment": review.get("comment", ""),
        "reply": reply.get("comment", ""),
        "reviewed_at": datetime.fromisoformat(review["createTime"]),
        "replied_at": datetime.fromisoformat(reply["updateTime"]) if reply else None,
    }


async def sync_reviews(
    http: ConnectedHttp, reviews_url: str, account_id: str, location_id: str
) -> ReviewSync:
    """Store (or update) every review of one of the account's stored locations."""
    location = await TenantRepository(BusinessLocation, account_id).get(location_id)
    reviews = TenantRepository(Review, account_id)
    profile = BusinessProfile(http, reviews_url)
    synced = 0
    async for review in profile.reviews(location.provider_account, location.provider_location):
        fields = review_fields(review)
        existing = await reviews.model.find_one(
            reviews.scoped(
                {"provider": PROVIDER, "provider_review_id": fields["provider_review_id"]}
            )
        )
        if existing is None:
            await reviews.create(provider=PROVIDER, location_id=location.id, **fields)
        else:
            for name, value in fields.items():
                setattr(existing, name, value)
            await existing.save()
        synced += 1
    return ReviewSync(synced=synced)


async def list_reviews(account_id: str, location_id: str, params: PageParams) -> Page[ReviewRead]:
    location = await TenantRepository(BusinessLocation, account_id).get(location_id)
    page = await TenantRepository(Review, account_id).paginate(params, {"location_id": location.id})
    return Page[ReviewRead](data=[review_read(r) for r in page.data], pagination=page.pagination)


def location_read(location: BusinessLocation) -> BusinessLocationRead:
    return BusinessLocationRead(
        **location.model_dump(include=set(BusinessLocationRead.model_fields) - {"id"}),
        id=str(location.id),
    )


def review_read(review: Review) -> ReviewRead:
    return ReviewRead(
        **review.model_dump(include=set(ReviewRead.model_fields) - {"id", "location_id"}),
        id=str(review.id),
        location_id=str(review.location_id),
    )
