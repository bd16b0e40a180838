from datetime import date, datetime
from typing import Annotated

from pydantic import AwareDatetime, Field

from internal_api.fields import Email, TimeZone
from shared.models.booking import BookingStatus
from shared.models.event_type import EventTypeKind, LocationKind, QuestionKind
from shared.utilities.schemas import IdStr, ReadModel, WriteModel

Text = Annotated[str, Field(max_length=2000)]
ClientId = Annotated[str, Field(min_length=1, max_length=100)]


class PublicQuestionRead(ReadModel):
    key: str
    label: str
    kind: QuestionKind
    required: bool
    options: list[str]


class PublicEventTypeRead(ReadModel):
    """What a booking page shows: never the video link (sent once booked) nor the hosts'
    schedules."""

    id: IdStr
    name: str
    description: str
    kind: EventTypeKind
    duration_minutes: int
    location_kind: LocationKind
    address: str | None = Field(description="where, for a meeting at an address")
    questions: list[PublicQuestionRead]
    host_names: list[str] = Field(description="empty for round-robin: whoever is free")


class SlotRead(ReadModel):
    start_at: datetime = Field(description="UTC")
    local_start: datetime = Field(description="the same instant in the visitor's time zone")


class SlotDayRead(ReadModel):
    date: Annotated[date, Field(description="in the visitor's time zone")]
    slots: list[SlotRead]


class SlotsRead(ReadModel):
    time_zone: str
    days: list[SlotDayRead]


class AttributionWrite(WriteModel):
    utm_source: Text | None = None
    utm_medium: Text | None = None
    utm_campaign: Text | None = None
    utm_term: Text | None = None
    utm_content: Text | None = None
    referrer: Text | None = None
    landing_page: Text | None = None
    short_link: Text | None = None


class BookingCreate(WriteModel):
    start_at: AwareDatetime = Field(description="a slot's `start_at` (any offset)")
    time_zone: TimeZone = Field(description="the visitor's: their emails are written in it")
    name: Annotated[str, Field(min_length=1, max_length=200)]
    email: Email
    phone: Annotated[str, Field(max_length=32)] | None = Field(
        None, description="for SMS reminders; without a country code, the account's"
    )
    answers: Annotated[dict[str, Annotated[str, Field(max_length=5000)]], Field(max_length=20)] = {}
    client_booking_id: ClientId | None = Field(
        None, description="sent again, answers the first booking (or `Idempotency-Key`)"
    )
    attribution: AttributionWrite = AttributionWrite()


class RescheduleBody(WriteModel):
    start_at: AwareDatetime
    time_zone: TimeZone
    client_booking_id: ClientId | None = None


class CancelBody(WriteModel):
    reason: Annotated[str, Field(max_length=500)] = ""


class PublicBookingRead(ReadModel):
    """What the invitee's link shows."""

    id: IdStr
    status: BookingStatus
    event_name: str
    start_at: datetime
    end_at: datetime
    time_zone: str
    location_kind: LocationKind
    location: str
    invitee_name: str
    invitee_email: str
    host_names: list[str]
    event_type_id: IdStr = Field(description="to offer its slots for a move")


class BookingAccepted(PublicBookingRead):
    token: str = Field(
        description="the booking's link token: GET /v1/scheduling/public/bookings/{token}"
    )
