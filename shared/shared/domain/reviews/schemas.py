"""A review as the platform shows it: in the reviews API's answers and in the `review.created`,
`review.updated` and `review.replied` webhook events alike."""

from datetime import datetime
from typing import Literal

from pydantic import Field, computed_field

from shared.models.review import ReplyOrigin, ReviewSource
from shared.utilities.schemas import DocumentRead, IdStr


class ReviewRead(DocumentRead):
    source: ReviewSource = Field(validation_alias="provider")
    location_id: IdStr | None
    reviewer_name: str
    rating: int
    comment: str
    reply: str
    reply_origin: ReplyOrigin
    replied_at: datetime | None
    reviewed_at: datetime

    @computed_field  # type: ignore[prop-decorator]  # pydantic's documented use
    @property
    def reply_status(self) -> Literal["replied", "unreplied"]:
        return "replied" if self.reply else "unreplied"
