"""A booking cancelled (its time let go, everyone told with a cancelling calendar file) or
moved (a new booking held like any, taking over the old one's time it overlaps; the old one
closed pointing at it); neither once the booking is closed."""

import pytest

from shared.domain.scheduling.booking import book
from shared.domain.scheduling.changes import cancel, reschedule
from shared.domain.scheduling.errors import BookingClosed, SlotTaken
from shared.domain.scheduling.settings import SchedulingSettings
from shared.models.booking import Booking, BookingStatus, CancelledBy
from shared.models.slot_reservation import SlotReservation
from tests.factories import create_account, create_user
from tests.shared.domain.held import events, platform_messages
from tests.shared.domain.scheduling.factories import (
    create_event_type,
    create_schedule,
    days_ahead,
    local,
    request,
)

SETTINGS = SchedulingSettings()
DAY = days_ahead(7)


def at(time: str):
    return local(DAY, time, "Europe/Paris")


@pytest.fixture
async def event_type(mongo):
    account, host = await create_account(), await create_user()
    schedule = await create_schedule(account, host)
    return await create_event_type(account, (host, schedule), slot_interval_minutes=15)


async def booked(event_type, time="10:00", **overrides) -> Booking:
    made = await book(
        str(event_type.id), request(at(time), **overrides), busy_times=None, settings=SETTINGS
    )
    return made.booking


async def moved(booking, time: str, **overrides):
    return await reschedule(
        booking,
        at(time),
        "America/New_York",
        client_booking_id=None,
        busy_times=None,
        settings=SETTINGS,
        **overrides,
    )


async def test_a_cancelled_booking_lets_its_time_go_and_tells_the_invitee(event_type, outbox):
    booking = await booked(event_type)
    outbox.jobs.clear()

    await cancel(booking, CancelledBy.USER, SETTINGS, "The host is ill")

    stored = await Booking.get(booking.id)
    assert (stored.status, stored.cancelled_by, stored.cancel_reason) == (
        BookingStatus.CANCELLED,
        CancelledBy.USER,
        "The host is ill",
    )
    assert await SlotReservation.find({"booking_id": booking.id}).count() == 0
    assert [m[0] for m in platform_messages(outbox)][:1] == ["booking_cancelled"]
    notice = next(job for job in outbox.jobs if job.kwargs.get("event") == "booking_cancelled")
    assert notice.kwargs["attachments"][0]["content_type"] == "text/calendar; method=CANCEL"
    assert [event["type"] for event in events(outbox)] == ["booking.cancelled"]
    assert (await booked(event_type, email="grace@example.com")).start_at == at("10:00")


async def test_a_cancelled_booking_cannot_be_cancelled_again(event_type, outbox):
    booking = await booked(event_type)
    await cancel(booking, CancelledBy.INVITEE, SETTINGS)

    with pytest.raises(BookingClosed):
        await cancel(await Booking.get(booking.id), CancelledBy.INVITEE, SETTINGS)


async def test_a_move_to_an_overlapping_time_takes_over_the_old_bookings_time(event_type, outbox):
    booking = await booked(event_type)

    made = await moved(booking, "10:15")

    new, old = made.booking, await Booking.get(booking.id)
    assert (old.status, old.rescheduled_to) == (BookingStatus.RESCHEDULED, new.id)
    assert (new.start_at, new.time_zone, new.rescheduled_from) == (
        at("10:15"),
        "America/New_York",
        booking.id,
    )
    assert (new.contact_id, new.ical_uid, new.ical_sequence) == (
        booking.contact_id,
        booking.ical_uid,
        1,
    )
    held = await SlotReservation.find({}).to_list()
    assert {r.booking_id for r in held} == {new.id}
    assert len(held) == 6 and all(r.held_until is None and r.taken_from is None for r in held)


async def test_a_move_to_a_taken_time_changes_nothing(event_type, outbox):
    booking = await booked(event_type)
    await booked(event_type, "11:00", email="grace@example.com")
    before = sorted((r.key, r.booking_id) for r in await SlotReservation.find({}).to_list())

    with pytest.raises(SlotTaken):
        await moved(booking, "11:00")

    assert (await Booking.get(booking.id)).status is BookingStatus.CONFIRMED
    assert await Booking.count() == 2
    after = sorted((r.key, r.booking_id) for r in await SlotReservation.find({}).to_list())
    assert after == before


async def test_a_move_asked_twice_answers_the_first(event_type, outbox):
    booking = await booked(event_type)
    first = await moved(booking, "14:00")

    again = await moved(await Booking.get(booking.id), "14:00")

    assert (again.replayed, again.booking.id) == (True, first.booking.id)
    assert await Booking.count() == 2


async def test_a_cancelled_booking_cannot_be_moved(event_type, outbox):
    booking = await booked(event_type)
    await cancel(booking, CancelledBy.INVITEE, SETTINGS)

    with pytest.raises(BookingClosed):
        await moved(await Booking.get(booking.id), "14:00")
