"""An InstaSite: a ready website an agency builds on Duda for a prospect business, from its
public data (as given, or read from a Google Business location the account connected or a
Google Maps place), to send
as a preview link. Claimed, it becomes one of the account's Duda sites (`DudaSite`); left
unclaimed, it is purged (its Duda site deleted) at `expires_at`.

Lifecycle (`status`, with `progress` in percent, told on the general socket as
`instasite:progress`): queued -> building -> ready (`preview_url` set) | failed (`failure`);
ready -> claiming -> claimed (`site_id`).
"""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument
from shared.models.business_location import LocationAddress
from shared.models.business_profile import OpeningHours


class InstasiteStatus(StrEnum):
    QUEUED = "queued"
    BUILDING = "building"
    READY = "ready"
    FAILED = "failed"
    CLAIMING = "claiming"
    CLAIMED = "claimed"


class InstasiteSource(StrEnum):
    GIVEN = "given"  # the business data as the agency typed it
    GOOGLE_BUSINESS = "google_business"  # a connected location, its reviews with it
    GOOGLE_MAPS = "google_maps"  # a public place
    YEXT = "yext"  # an entity of the account's Yext


class InstasiteReview(BaseModel):
    author: str = ""
    rating: int = Field(ge=1, le=5)
    text: str = ""


class InstasiteBusiness(BaseModel):
    name: str
    category: str = ""
    phone: str = ""
    email: str = ""
    website: str = ""
    address: LocationAddress | None = None
    hours: list[OpeningHours] = []
    logo_url: str | None = None
    photos: list[str] = []  # image URLs
    reviews: list[InstasiteReview] = []


class Instasite(TenantDocument):
    template_id: int  # the Duda template it is built on
    business: InstasiteBusiness
    source: InstasiteSource = InstasiteSource.GIVEN
    status: InstasiteStatus = InstasiteStatus.QUEUED
    progress: int = 0
    site_name: str | None = None  # Duda's, once made
    preview_url: str | None = None
    failure: str | None = None
    site_id: PydanticObjectId | None = None  # the DudaSite it became, once claimed
    claimed_at: datetime | None = None
    expires_at: datetime  # purged then, unless claimed
    created_by: PydanticObjectId

    class Settings:
        name = "instasites"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            # The purge cron: unclaimed InstaSites past their end.
            IndexModel([("expires_at", ASCENDING), ("status", ASCENDING)]),
        ]
