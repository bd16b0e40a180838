from datetime import datetime

from pydantic import BaseModel, Field

from shared.models.business_location import LocationAddress
from shared.models.review import ReplyOrigin
from shared.utilities.schemas import DocumentRead, IdStr, WriteModel


class BusinessLocationRead(DocumentRead):
    provider_account: str
    provider_location: str
    title: str
    phone: str
    website: str
    address: LocationAddress | None


class ReviewRead(DocumentRead):
    location_id: IdStr | None
    provider_review_id: str
    reviewer_name: str
    rating: int
    comment: str
    reply: str
    reviewed_at: datetime
    replied_at: datetime | None


class ReviewSync(BaseModel):
    synced: int


class ReplyWrite(WriteModel):
    # Google takes a reply of up to 4096 bytes.
    comment: str = Field(min_length=1, max_length=4096)
    origin: ReplyOrigin = ReplyOrigin.USER
    by: str = Field("", max_length=64, description="the user who wrote it")
