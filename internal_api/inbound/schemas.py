from datetime import UTC, date, datetime, timedelta
from typing import Annotated, Any

from beanie import PydanticObjectId
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from shared.models.base import utc_now
from shared.models.lead import LeadSource
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel

# The longest window counts are asked for: a year and a day (a leap year, either end).
MAX_COUNT_DAYS = 366
DEFAULT_COUNT_DAYS = 30


def in_utc(moment: datetime) -> datetime:
    """A moment as stored: in UTC, a time without an offset read as UTC already."""
    try:
        return moment.astimezone(UTC) if moment.tzinfo else moment.replace(tzinfo=UTC)
    except OverflowError:
        raise ValueError("is outside the dates that can be stored") from None


UtcMoment = Annotated[
    datetime,
    AfterValidator(in_utc),
    Field(description="an ISO 8601 date (its midnight, UTC) or datetime (UTC without offset)"),
]


class Window(BaseModel):
    """`from` (included) to `to` (left out)."""

    model_config = ConfigDict(populate_by_name=True)

    from_: UtcMoment | None = Field(None, alias="from")
    to: UtcMoment | None = None

    @field_validator("to")
    @classmethod
    def after_from(cls, to: datetime | None, info: ValidationInfo) -> datetime | None:
        start = info.data.get("from_")
        if to is not None and start is not None and to <= start:
            raise ValueError("must be after `from`")
        return to

    def created_at(self) -> dict[str, Any]:
        """The condition on `created_at`; empty for an open window."""
        bounds = {"$gte": self.from_, "$lt": self.to}
        within = {operator: moment for operator, moment in bounds.items() if moment is not None}
        return {"created_at": within} if within else {}


class LeadFilters(Window):
    source: LeadSource | None = None
    contact_id: PydanticObjectId | None = None

    def query(self) -> dict[str, Any]:
        sent = self.model_dump(include={"source", "contact_id"}, exclude_none=True)
        return {**sent, **self.created_at()}


class CountFilters(Window):
    """A window of at most MAX_COUNT_DAYS: the DEFAULT_COUNT_DAYS up to now, unless sent."""

    # Checked when left out too: it then stands for now.
    to: UtcMoment | None = Field(None, validate_default=True)
    source: LeadSource | None = None

    @field_validator("to")
    @classmethod
    def not_too_long(cls, to: datetime | None, info: ValidationInfo) -> datetime | None:
        start = info.data.get("from_")
        if start is not None and (to or utc_now()) - start > timedelta(days=MAX_COUNT_DAYS):
            raise ValueError(f"must be at most {MAX_COUNT_DAYS} days after `from`")
        return to

    def bounded(self) -> "CountFilters":
        """The window with both ends set: up to now, from DEFAULT_COUNT_DAYS before `to`."""
        to = self.to or utc_now()
        start = self.from_ or to - timedelta(days=DEFAULT_COUNT_DAYS)
        return self.model_copy(update={"from_": start, "to": to})

    def query(self) -> dict[str, Any]:
        sent = self.model_dump(include={"source"}, exclude_none=True)
        return {**sent, **self.created_at()}


class AttributionRead(ReadModel):
    utm_source: str | None
    utm_medium: str | None
    utm_campaign: str | None
    utm_term: str | None
    utm_content: str | None
    referrer: str | None
    landing_page: str | None
    short_link: str | None


class LeadRead(DocumentRead):
    contact_id: IdStr
    contact_name: str = Field(description="the contact's display name")
    source: LeadSource
    source_ref: str | None = Field(
        description="what in the source it came through: the form, the chat widget, the "
        "lead-ad form, the tracking number, the number texted, the import job"
    )
    attribution: AttributionRead
    new_contact: bool = Field(description="the touch made the contact")


class DayCount(ReadModel):
    day: date = Field(description="a UTC day")
    total: int
    by_source: dict[LeadSource, int]


class LeadCounts(ReadModel):
    from_: datetime = Field(serialization_alias="from")
    to: datetime
    days: list[DayCount] = Field(description="days without a lead are left out; oldest first")
    by_source: dict[LeadSource, int] = Field(description="over the whole window")


class TouchesRead(ReadModel):
    contact_id: IdStr
    count: int
    first: LeadRead | None
    last: LeadRead | None
