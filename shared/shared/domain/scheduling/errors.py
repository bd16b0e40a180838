"""What scheduling may refuse, each case with its own code."""

from shared.utilities.errors import Conflict, InvalidInput, NotFound, ServiceUnavailable


class EventTypeNotFound(NotFound):
    """No bookable event type has this id (an archived or inactive one answers the same)."""

    code = "event_type_not_found"


class BookingNotFound(NotFound):
    """No booking has this id in the account (another account's answers the same)."""

    code = "booking_not_found"


class BookingLinkNotValid(NotFound):
    """The link is not one the platform made, or it has expired."""

    code, message = "booking_link_not_valid", "This booking link is not valid."


class SlotUnavailable(InvalidInput):
    """The time asked for is no slot of the event type: outside its hosts' hours, off its
    grid, sooner than its minimum notice or past its booking window."""

    code, message = "slot_unavailable", "This time cannot be booked; pick one of the slots offered."


class SlotTaken(Conflict):
    """The slot was booked by someone else meanwhile (or its hosts became busy): nothing was
    made; pick another slot."""

    code, message = "slot_taken", "This slot was just taken; pick another."


class BookingClosed(Conflict):
    """The booking was cancelled or moved already, or its meeting has begun: it cannot be
    cancelled or moved."""

    code, message = "booking_closed", "This booking can no longer be changed."


class MeetingNotBegun(Conflict):
    """The booking's meeting has not begun: it cannot be marked completed or a no-show yet."""

    code, message = "meeting_not_begun", "This meeting has not begun yet."


class CalendarUnavailable(ServiceUnavailable):
    """The hosts' Google Calendar could not be read: slots are not offered without it."""

    code, message = (
        "calendar_unavailable",
        "The hosts' calendars cannot be read; try again shortly.",
    )
