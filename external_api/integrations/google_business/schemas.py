from datetime import datetime

from pydantic import BaseModel

from shared.models.business_location import LocationAddress


class BusinessLocationRead(BaseModel):
    id: str
    provider_account: str
    provider_location: str
    title: str
    phone: str
    website: str
    address: LocationAddress | None


class ReviewRead(BaseModel):
    id: str
    location_id: str
    provider_review_id: str
    reviewer_name: str
    rating: int
    comment: str
    reply: str
    reviewed_at: datetime
    replied_at: datetime | None


class ReviewSync(BaseModel):
    synced: int
