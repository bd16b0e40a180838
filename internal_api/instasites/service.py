"""InstaSites: asked for with the prospect's data (given, or read from a Google Business
location the account connected, with its reviews, a Google Maps place or a Yext entity), built
in the background on Duda (QM_INSTASITES_BUILD, progress on the general socket), claimed into a
real site of the account, or purged unclaimed after INTERNAL_API_INSTASITES_LIFETIME_DAYS."""

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from internal_api.instasites.errors import BusinessNameRequired, InstasiteNotReady
from internal_api.instasites.repository import InstasiteRepository, LocationRepository
from internal_api.instasites.schemas import BusinessGiven, InstasiteCreate
from shared.domain.instasites.progress import advance
from shared.models.base import utc_now
from shared.models.business_location import BusinessLocation
from shared.models.instasite import (
    Instasite,
    InstasiteBusiness,
    InstasiteReview,
    InstasiteSource,
    InstasiteStatus,
)
from shared.models.review import Review
from shared.utilities.auth import Principal
from shared.utilities.outbox import enqueue_job
from shared.utilities.pagination import Page, PageParams
from shared.utilities.task_names import INSTASITES_BUILD_BUILD, INSTASITES_BUILD_CLAIM

# A public source's business data, by its id there (a Google Maps place, a Yext entity).
SourceReader = Callable[[str], Awaitable[dict[str, Any]]]


@dataclass(frozen=True)
class PublicSources:
    place: SourceReader
    yext_entity: SourceReader


async def create_instasite(
    principal: Principal, body: InstasiteCreate, lifetime_days: int, sources: PublicSources
) -> Instasite:
    found, source = await public_data(principal, body, sources)
    business = {**found, **given_data(body.business)}
    if not business.get("name"):
        raise BusinessNameRequired(details=[{"field": "business.name", "message": "required"}])
    # Its end from the same instant as its creation: exactly its lifetime apart once stored.
    now = utc_now()
    instasite = await InstasiteRepository(principal.account_id).create(
        template_id=body.template_id,
        business=InstasiteBusiness.model_validate(business),
        source=source,
        created_at=now,
        expires_at=now + timedelta(days=lifetime_days),
        created_by=principal.sub,
    )
    job = {"instasite_id": str(instasite.id), "account_id": str(instasite.account_id)}
    enqueue_job(INSTASITES_BUILD_BUILD, task_id=f"instasite_build:{instasite.id}", **job)
    return instasite


async def public_data(
    principal: Principal, body: InstasiteCreate, sources: PublicSources
) -> tuple[dict[str, Any], InstasiteSource]:
    """What a connected Google Business location, a Google Maps place or a Yext entity says of
    the business."""
    if body.google_location_id:
        locations = LocationRepository(principal.account_id)
        location = await locations.get(body.google_location_id)
        reviews = await locations.latest_reviews(location.id)
        return location_data(location, reviews), InstasiteSource.GOOGLE_BUSINESS
    if body.google_place_id:
        return await sources.place(body.google_place_id), InstasiteSource.GOOGLE_MAPS
    if body.yext_entity_id:
        return await sources.yext_entity(body.yext_entity_id), InstasiteSource.YEXT
    return {}, InstasiteSource.GIVEN


def given_data(business: BusinessGiven) -> dict[str, Any]:
    return business.model_dump(mode="json", exclude_none=True)


def location_data(location: BusinessLocation, reviews: list[Review]) -> dict[str, Any]:
    return {
        "name": location.title,
        "phone": location.phone,
        "website": location.website,
        "address": location.address.model_dump() if location.address else None,
        "reviews": [
            InstasiteReview(author=review.reviewer_name, rating=review.rating, text=review.comment)
            for review in reviews
        ],
    }


async def list_instasites(principal: Principal, params: PageParams) -> Page[Instasite]:
    return await InstasiteRepository(principal.account_id).paginate(params)


async def read_instasite(principal: Principal, instasite_id: str) -> Instasite:
    return await InstasiteRepository(principal.account_id).get(instasite_id)


async def claim_instasite(principal: Principal, instasite_id: str) -> Instasite:
    """Claiming in the background: the account's Duda customer is given the site."""
    instasite = await read_instasite(principal, instasite_id)
    if instasite.status is not InstasiteStatus.READY:
        raise InstasiteNotReady()
    await advance(instasite, InstasiteStatus.CLAIMING, 0)
    job = {"instasite_id": str(instasite.id), "account_id": str(instasite.account_id)}
    enqueue_job(INSTASITES_BUILD_CLAIM, task_id=f"instasite_claim:{instasite.id}", **job)
    return instasite
