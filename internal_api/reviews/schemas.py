from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from shared.models.review import ReviewSource
from shared.models.review_request import RequestStatus
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

Stars = Annotated[int, Field(ge=1, le=5)]
ReplyText = Annotated[str, Field(min_length=1, max_length=4096)]
Channel = Literal["email", "sms"]


class ReviewFilters(BaseModel):
    source: ReviewSource | None = None
    location_id: IdStr | None = Field(None, pattern=r"^[0-9a-f]{24}$")
    min_rating: Stars | None = None
    max_rating: Stars | None = None
    replied: bool | None = Field(None, description="true: answered ones; false: unanswered")
    since: datetime | None = Field(None, description="reviewed at or after")
    until: datetime | None = Field(None, description="reviewed before")


class ReviewCreate(WriteModel):
    """A review recorded by hand (one given on paper, by phone, on another site)."""

    location_id: IdStr | None = Field(None, pattern=r"^[0-9a-f]{24}$")
    reviewer_name: str = Field(min_length=1, max_length=200)
    rating: Stars
    comment: str = Field("", max_length=5000)
    reviewed_at: datetime | None = Field(None, description="none: now")


class ReplyCreate(WriteModel):
    """The reply's text, or a template of the account's filled in for this review."""

    text: ReplyText | None = None
    template_id: IdStr | None = Field(None, pattern=r"^[0-9a-f]{24}$")


class DraftCreate(WriteModel):
    tone: Literal["professional", "friendly", "casual", "formal"] = "professional"


class DraftRead(ReadModel):
    reply: str = Field(description="the AI's draft, to edit before posting it")
    prompt_version: str


class StatsRead(ReadModel):
    count: int
    average: float | None
    distribution: dict[str, int]
    volume: list[dict[str, Any]] = Field(description="[{period, reviews}], oldest first")
    response_rate: float | None
    average_response_seconds: int | None


class StatsQuery(ReviewFilters):
    period: Literal["day", "week", "month"] = Field("week", description="the volume's buckets")


class TemplateCreate(WriteModel):
    name: str = Field(min_length=1, max_length=100)
    text: ReplyText = Field(description="`{reviewer_name}` and `{business_name}` are filled in")
    approved: bool = Field(False, description="may auto-reply (admins only)")


class TemplateUpdate(WriteModel):
    name: str | None = Field(None, min_length=1, max_length=100)
    text: ReplyText | None = None
    approved: bool | None = None


class TemplateRead(DocumentRead):
    name: str
    text: str
    approved: bool


class SettingsWrite(WriteModel):
    alert_threshold: int = Field(2, ge=0, le=5, description="0: no alerts")
    alert_user_ids: list[IdStr] = Field([], max_length=50)
    digest_user_ids: list[IdStr] = Field([], max_length=50)
    auto_reply_template_id: IdStr | None = Field(None, description="an approved template")
    auto_reply_min_rating: int = Field(4, ge=4, le=5)
    request_window_days: int = Field(30, ge=1, le=365)


class SettingsRead(ReadModel):
    alert_threshold: int
    alert_user_ids: list[IdStr]
    digest_user_ids: list[IdStr]
    auto_reply_template_id: IdStr | None
    auto_reply_min_rating: int
    request_window_days: int


class PageWrite(WriteModel):
    title: str = Field(min_length=1, max_length=200, description="the business's name shown")
    review_url: str = Field(
        pattern=r"^https://[^\s]{1,2000}$", description="the location's public review link"
    )
    happy_from: int = Field(4, ge=2, le=5, description="stars from which a customer goes on")


class PageRead(DocumentRead):
    location_id: IdStr
    title: str
    review_url: str
    short_url: str
    short_link_id: IdStr
    happy_from: int


class RequestCreate(WriteModel):
    contact_id: IdStr = Field(pattern=r"^[0-9a-f]{24}$")
    location_id: IdStr = Field(pattern=r"^[0-9a-f]{24}$")
    channel: Channel = "email"


class RequestRead(DocumentRead):
    contact_id: IdStr
    location_id: IdStr
    channel: str
    status: RequestStatus
    origin: str


class FeedbackRead(DocumentRead):
    location_id: IdStr
    rating: int
    feedback: str
    name: str
    email: str
    phone: str


class PublicPageRead(ReadModel):
    title: str
    question: str = "How would you rate your experience?"


class AnswerCreate(WriteModel):
    rating: Stars


class AnswerRead(ReadModel):
    answer_id: str
    route: Literal["review", "feedback"]
    review_url: str | None = Field(description="where a happy customer goes on")


class FeedbackCreate(WriteModel):
    feedback: str = Field(min_length=1, max_length=5000)
    name: str = Field("", max_length=200)
    email: str = Field("", max_length=320)
    phone: str = Field("", max_length=32)
