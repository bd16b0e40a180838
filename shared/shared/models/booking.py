"""A meeting booked by a visitor on one of the account's event types.

Its instants are stored in UTC (`start_at`, `end_at`) with the IANA zone the invitee booked in
beside them (`time_zone`), which their emails are written in. Made only through
`shared.domain.scheduling` (`booking.book`), which holds its hosts' time in slot reservations
first, so it cannot overlap another booking of theirs.
"""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument
from shared.models.event_type import Location
from shared.models.lead import Attribution


class BookingStatus(StrEnum):
    CONFIRMED = "confirmed"
    CANCELLED = "cancelled"
    RESCHEDULED = "rescheduled"  # moved: `rescheduled_to` is the booking that replaced it
    COMPLETED = "completed"  # its meeting took place (ended, or marked so by a user)
    NO_SHOW = "no_show"  # marked by a user: the invitee did not come


class CancelledBy(StrEnum):
    INVITEE = "invitee"
    USER = "user"


class Invitee(BaseModel):
    name: str
    email: str
    phone: str | None = None  # E.164


class BookingAnswer(BaseModel):
    key: str
    label: str
    value: str


class Reminder(BaseModel):
    minutes_before: int
    due_at: datetime
    sent_at: datetime | None = None


class Booking(TenantDocument):
    event_type_id: PydanticObjectId
    event_name: str  # the event type's name when booked
    host_ids: list[PydanticObjectId]  # one, or every host of a collective event type
    contact_id: PydanticObjectId
    invitee: Invitee
    answers: list[BookingAnswer] = []
    start_at: datetime  # UTC
    end_at: datetime  # UTC
    time_zone: str  # the invitee's IANA zone, where the times were meant
    location: Location
    status: BookingStatus = BookingStatus.CONFIRMED
    # Once per event type and client booking id (the idempotency key).
    client_booking_id: str
    attribution: Attribution = Attribution()
    reminders: list[Reminder] = []
    new_contact: bool = False  # the booking made its contact
    lead_id: PydanticObjectId | None = None
    sms_reminders: bool = False  # its reminders go by SMS too (when the invitee gave a phone)
    # When its effects were sent (confirmation, events): a booking stored but not announced
    # (its process died) is finished when its client booking id is sent again.
    announced_at: datetime | None = None
    # The calendar event the invitee holds: one UID across reschedules, a sequence that grows.
    ical_uid: str
    ical_sequence: int = 0
    rescheduled_from: PydanticObjectId | None = None
    rescheduled_to: PydanticObjectId | None = None
    cancelled_at: datetime | None = None
    cancelled_by: CancelledBy | None = None
    cancel_reason: str = ""
    # When it was completed or marked a no-show, and by whom (None: by the sweep, once ended).
    completed_at: datetime | None = None
    completed_by: PydanticObjectId | None = None

    class Settings:
        name = "bookings"
        use_state_management = True
        indexes = [
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("event_type_id", ASCENDING),
                    ("client_booking_id", ASCENDING),
                ],
                unique=True,
            ),
            # The account's bookings by their time, optionally by status or host.
            IndexModel([("account_id", ASCENDING), ("start_at", DESCENDING)]),
            IndexModel(
                [("account_id", ASCENDING), ("status", ASCENDING), ("start_at", DESCENDING)]
            ),
            IndexModel(
                [("account_id", ASCENDING), ("host_ids", ASCENDING), ("start_at", DESCENDING)]
            ),
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            # Round-robin: a host's upcoming bookings of an event type.
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("event_type_id", ASCENDING),
                    ("host_ids", ASCENDING),
                    ("start_at", ASCENDING),
                ]
            ),
            # The reminders cron: confirmed bookings with a reminder due.
            IndexModel([("status", ASCENDING), ("reminders.due_at", ASCENDING)]),
            # The completion sweep: confirmed bookings whose meeting has ended.
            IndexModel([("status", ASCENDING), ("end_at", ASCENDING)]),
        ]
