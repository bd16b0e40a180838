"""What a booking's changes set off, sent with the caller's outbox (so nothing leaves for
work that failed): the `booking.created` / `booking.cancelled` webhook events, `booking:*` on
the account's room of the general socket (the id and the action only: the dashboard fetches
what it shows), the invitee's email with the calendar file, and the hosts' notice.

Every message is keyed by the booking, so a booking announced twice (a retried request
resuming it) is told once.
"""

from collections.abc import Sequence
from zoneinfo import ZoneInfo

from shared.domain.accounts import repository as accounts
from shared.domain.notifications.platform import tell
from shared.domain.scheduling.calendar_file import Organizer, calendar_attachment
from shared.domain.scheduling.links import manage_path
from shared.domain.scheduling.schemas import BookingRead
from shared.domain.scheduling.settings import SchedulingSettings
from shared.models.booking import Booking, BookingStatus
from shared.models.user import User
from shared.models.webhook_subscription import WebhookEventType
from shared.utilities.events import publish_event
from shared.utilities.outbox import emit
from shared.utilities.realtime import Socket, account_room


def booking_path(booking: Booking) -> str:
    """Where the dashboard shows the booking."""
    return f"/scheduling/bookings/{booking.id}"


async def announce_booked(booking: Booking, settings: SchedulingSettings) -> None:
    publish_event(booking.account_id, WebhookEventType.BOOKING_CREATED, event_data(booking))
    live(booking, "created")
    hosts = await hosts_of(booking)
    attachment = calendar_attachment(booking, organizer_of(hosts), cancelled=False)
    await tell(
        "booking_rescheduled" if booking.rescheduled_from else "booking_confirmed",
        booking.account_id,
        invitee_data(booking, hosts),
        to=booking.invitee.email,
        links={"manage_url": manage_path(booking, settings)},
        key=str(booking.id),
        attachments=[attachment],
    )
    await tell(
        "host_booking_scheduled",
        booking.account_id,
        host_data(booking),
        user_ids=booking.host_ids,
        links={"booking_url": booking_path(booking)},
        key=str(booking.id),
        attachments=[attachment],
    )


async def announce_closed(booking: Booking, settings: SchedulingSettings) -> None:
    """A booking cancelled, or moved (its new booking tells the invitee and hosts of it)."""
    publish_event(booking.account_id, WebhookEventType.BOOKING_CANCELLED, event_data(booking))
    live(booking, "cancelled")
    if booking.status is BookingStatus.RESCHEDULED:
        return
    hosts = await hosts_of(booking)
    attachment = calendar_attachment(booking, organizer_of(hosts), cancelled=True)
    await tell(
        "booking_cancelled",
        booking.account_id,
        invitee_data(booking, hosts) | {"reason": booking.cancel_reason},
        to=booking.invitee.email,
        links={"manage_url": manage_path(booking, settings)},
        key=str(booking.id),
        attachments=[attachment],
    )
    await tell(
        "host_booking_cancelled",
        booking.account_id,
        host_data(booking) | {"reason": booking.cancel_reason},
        user_ids=booking.host_ids,
        links={"booking_url": booking_path(booking)},
        key=str(booking.id),
    )


def event_data(booking: Booking) -> dict:
    return {"booking": BookingRead.model_validate(booking).model_dump(mode="json")}


def live(booking: Booking, action: str) -> None:
    data = {"id": str(booking.id), "action": action}
    emit(Socket.GENERAL, f"booking:{action}", data, account_room(booking.account_id))


async def hosts_of(booking: Booking) -> list[User]:
    users = [await accounts.user(user_id) for user_id in booking.host_ids]
    return [user for user in users if user is not None]


def organizer_of(hosts: Sequence[User]) -> Organizer | None:
    return Organizer(hosts[0].name, hosts[0].email) if hosts else None


def when(booking: Booking) -> str:
    """The meeting's time as the invitee reads it, in the zone they booked in:
    "Tuesday 10 March 2026, 14:00-14:30 (Europe/Paris)"."""
    zone = ZoneInfo(booking.time_zone)
    start, end = booking.start_at.astimezone(zone), booking.end_at.astimezone(zone)
    return f"{start:%A %-d %B %Y, %H:%M}-{end:%H:%M} ({booking.time_zone})"


def invitee_data(booking: Booking, hosts: Sequence[User]) -> dict[str, str]:
    return {
        "invitee_name": booking.invitee.name,
        "event_name": booking.event_name,
        "when": when(booking),
        "location": booking.location.value or booking.location.kind.value,
        "host_names": ", ".join(host.name for host in hosts),
    }


def host_data(booking: Booking) -> dict[str, str]:
    """Dates as ISO strings: the notification service prints them in the account's zone."""
    return {
        "invitee_name": booking.invitee.name,
        "invitee_email": booking.invitee.email,
        "event_name": booking.event_name,
        "start_at": booking.start_at.isoformat(),
    }
