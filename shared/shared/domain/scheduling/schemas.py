"""A booking as the platform shows it, in the scheduling API's answers and in the
`booking.created` / `booking.cancelled` webhook events alike."""

from datetime import datetime

from shared.models.booking import BookingAnswer, BookingStatus, CancelledBy, Invitee
from shared.models.event_type import Location
from shared.utilities.schemas import DocumentRead, IdStr


class BookingRead(DocumentRead):
    event_type_id: IdStr
    event_name: str
    host_ids: list[IdStr]
    contact_id: IdStr
    invitee: Invitee
    answers: list[BookingAnswer]
    start_at: datetime
    end_at: datetime
    time_zone: str
    location: Location
    status: BookingStatus
    client_booking_id: str
    rescheduled_from: IdStr | None
    rescheduled_to: IdStr | None
    cancelled_at: datetime | None
    cancelled_by: CancelledBy | None
    cancel_reason: str
    completed_at: datetime | None
    completed_by: IdStr | None
