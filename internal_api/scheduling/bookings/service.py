"""The account's bookings: listed, read, cancelled by a user (the invitee is told), and marked
completed or a no-show once begun (a completed one fires `appointment.completed`)."""

from datetime import datetime

from internal_api.scheduling.bookings.repository import Bookings
from internal_api.scheduling.query import query_id
from internal_api.settings import InternalApiSettings
from shared.domain.scheduling.changes import cancel
from shared.domain.scheduling.completion import mark
from shared.models.booking import Booking, BookingStatus, CancelledBy
from shared.utilities.auth import Principal
from shared.utilities.pagination import Page, PageParams
from shared.utilities.repository import object_id


async def list_bookings(
    principal: Principal,
    params: PageParams,
    *,
    status: BookingStatus | None,
    event_type_id: str | None,
    host_id: str | None,
    starts_from: datetime | None,
    starts_before: datetime | None,
) -> Page[Booking]:
    return await Bookings(principal.account_id).listed(
        params,
        status=status,
        event_type_id=query_id(event_type_id, "event_type_id"),
        host_id=query_id(host_id, "host_id"),
        starts_from=starts_from,
        starts_before=starts_before,
    )


async def get_booking(principal: Principal, booking_id: str) -> Booking:
    return await Bookings(principal.account_id).get(booking_id)


async def cancel_booking(
    principal: Principal, booking_id: str, reason: str, settings: InternalApiSettings
) -> Booking:
    booking = await get_booking(principal, booking_id)
    return await cancel(booking, CancelledBy.USER, settings, reason)


async def mark_booking(principal: Principal, booking_id: str, outcome: BookingStatus) -> Booking:
    booking = await get_booking(principal, booking_id)
    return await mark(booking, outcome, object_id(principal.sub))
