"""The calendar file (RFC 5545, written with `icalendar`) sent with a booking's emails: an
invitation (METHOD:REQUEST) when booked or moved, a cancellation (METHOD:CANCEL) when
cancelled. Every file of one booking, and of the bookings it was moved to, has the same UID and
a growing SEQUENCE, so the invitee's calendar updates the one event it holds."""

import base64
from dataclasses import dataclass

from icalendar import Calendar, Event, vCalAddress, vText

from shared.models.base import utc_now
from shared.models.booking import Booking

PRODID = "-//Agency platform//Scheduling//EN"
FILENAME = "invite.ics"


@dataclass(frozen=True)
class Organizer:
    name: str
    email: str


def calendar_file(booking: Booking, organizer: Organizer | None, *, cancelled: bool) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", booking.ical_uid)
    event.add("sequence", booking.ical_sequence)
    event.add("dtstamp", utc_now())
    event.add("dtstart", booking.start_at)
    event.add("dtend", booking.end_at)
    event.add("summary", booking.event_name)
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    if booking.location.value:
        event.add("location", booking.location.value)
    if organizer:
        event.add("organizer", address(organizer.email, organizer.name, "CHAIR"))
    event.add("attendee", address(booking.invitee.email, booking.invitee.name, "REQ-PARTICIPANT"))
    calendar.add_component(event)
    return calendar.to_ical()


def address(email: str, name: str, role: str) -> vCalAddress:
    person = vCalAddress(f"mailto:{email}")
    person.params["cn"] = vText(name)
    person.params["role"] = vText(role)
    return person


def calendar_attachment(
    booking: Booking, organizer: Organizer | None, *, cancelled: bool
) -> dict[str, str]:
    """As an email attachment is asked for (`shared.domain.notifications.platform.tell`)."""
    method = "CANCEL" if cancelled else "REQUEST"
    content = calendar_file(booking, organizer, cancelled=cancelled)
    return {
        "filename": FILENAME,
        "content_type": f"text/calendar; method={method}",
        "content": base64.b64encode(content).decode(),
    }
