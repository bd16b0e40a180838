from datetime import datetime

from pydantic import BaseModel

from shared.models.business_location import LocationAddress
from shared.utilities.schemas import DocumentRead, IdStr


class BusinessLocationRead(DocumentRead):
    provider_account: str
    provider_location: str
    title: str
    phone: str
    website: str
    address: LocationAddress | None


class ReviewRead(DocumentRead):
    location_id: IdStr
    provider_review_id: str
    reviewer_name: str
    rating: int
    comment: str
    reply: str
    reviewed_at: datetime
    replied_at: datetime | None


class ReviewSync(BaseModel):
    synced: int
