"""A visitor's booking: the slot checked and its hosts' time held (one winner of two racing
for a slot, the loser leaving nothing behind), the contact made or completed through the one
write path, the lead recorded as a booking, what it sets off; once per client booking id."""

import asyncio

import pytest

from shared.domain.scheduling import booking as booking_module
from shared.domain.scheduling.booking import book
from shared.domain.scheduling.errors import SlotTaken, SlotUnavailable
from shared.domain.scheduling.settings import SchedulingSettings
from shared.models.booking import Booking
from shared.models.contact import Contact
from shared.models.event_type import EventTypeKind, Question, QuestionKind
from shared.models.lead import Lead, LeadSource
from shared.models.slot_reservation import SlotReservation
from shared.utilities.errors import InvalidInput
from tests.factories import create_account, create_contact, create_user
from tests.shared.domain.held import emitted, events, platform_messages
from tests.shared.domain.scheduling.factories import (
    create_event_type,
    create_schedule,
    days_ahead,
    local,
    request,
)

SETTINGS = SchedulingSettings()
DAY = days_ahead(7)
TEN = local(DAY, "10:00", "Europe/Paris")


@pytest.fixture
async def account(mongo):
    return await create_account()


@pytest.fixture
async def host(account):
    return await create_user(name="Grace Hopper")


@pytest.fixture
async def event_type(account, host):
    schedule = await create_schedule(account, host)
    return await create_event_type(account, (host, schedule), buffer_after_minutes=10)


async def booked(event_type, start=TEN, **overrides):
    result = await book(
        str(event_type.id), request(start, **overrides), busy_times=None, settings=SETTINGS
    )
    return result.booking


async def written() -> tuple[int, int, int, int]:
    return (
        await Booking.count(),
        await Contact.count(),
        await Lead.count(),
        await SlotReservation.count(),
    )


async def test_a_booking_holds_the_hosts_time_and_makes_the_contact_and_lead(
    event_type, host, outbox
):
    booking = await booked(event_type, phone="+33 6 12 34 56 78")

    stored = await Booking.get(booking.id)
    assert (stored.start_at, stored.time_zone, stored.host_ids) == (TEN, "Europe/Paris", [host.id])
    contact = await Contact.get(stored.contact_id)
    assert (contact.first_name, contact.emails, contact.phones, contact.source) == (
        "Ada",
        ["ada@example.com"],
        ["+33612345678"],
        "booking",
    )
    lead = await Lead.get(stored.lead_id)
    assert (lead.source, lead.source_ref, lead.new_contact) == (
        LeadSource.BOOKING,
        str(event_type.id),
        True,
    )
    # 30 minutes and a 10-minute buffer after: 8 blocks of 5 minutes, all confirmed.
    reservations = await SlotReservation.find({"booking_id": booking.id}).to_list()
    assert len(reservations) == 8 and all(r.held_until is None for r in reservations)


async def test_a_known_contact_is_completed_not_duplicated(account, event_type, outbox):
    known = await create_contact(account, emails=["ada@example.com"], first_name="Ada")

    booking = await booked(event_type, phone="+33612345678")

    assert booking.contact_id == known.id
    assert (await Contact.get(known.id)).phones == ["+33612345678"]
    assert (await Lead.get(booking.lead_id)).new_contact is False


async def test_a_booking_tells_the_invitee_with_a_calendar_file_and_the_host(
    event_type, host, outbox
):
    booking = await booked(event_type)

    assert platform_messages(outbox) == [
        ("booking_confirmed", "email", "ada@example.com"),
        ("host_booking_scheduled", "email", str(host.id)),
        ("host_booking_scheduled", "push", str(host.id)),
    ]
    confirmation = next(
        job for job in outbox.jobs if job.kwargs.get("event") == "booking_confirmed"
    )
    [attachment] = confirmation.kwargs["attachments"]
    assert attachment["content_type"] == "text/calendar; method=REQUEST"
    assert confirmation.kwargs["links"]["manage_url"].startswith("/booking/")
    assert [event["type"] for event in events(outbox)] == ["contact.created", "booking.created"]
    assert ("booking:created", {"id": str(booking.id), "action": "created"}) in emitted(outbox)


async def test_two_bookings_of_one_slot_at_once_have_exactly_one_winner(event_type, outbox):
    results = await asyncio.gather(
        booked(event_type, email="ada@example.com"),
        booked(event_type, email="grace@example.com"),
        return_exceptions=True,
    )

    winners = [result for result in results if isinstance(result, Booking)]
    losers = [result for result in results if isinstance(result, Exception)]
    assert len(winners) == 1
    assert [type(loser) for loser in losers] == [SlotTaken]
    assert (await Booking.count(), await Contact.count(), await Lead.count()) == (1, 1, 1)
    held = await SlotReservation.find({}).to_list()
    assert {r.booking_id for r in held} == {winners[0].id}


async def test_of_two_that_both_found_the_slot_free_the_unique_hold_lets_one_through(
    event_type, outbox, monkeypatch
):
    both_checked = asyncio.Barrier(2)
    choices = booking_module.host_choices

    async def after_both_checked(*args):
        await both_checked.wait()  # each found the slot free before either holds it
        return await choices(*args)

    monkeypatch.setattr(booking_module, "host_choices", after_both_checked)

    results = await asyncio.gather(
        booked(event_type, email="ada@example.com"),
        booked(event_type, email="grace@example.com"),
        return_exceptions=True,
    )

    assert sorted(type(result).__name__ for result in results) == ["Booking", "SlotTaken"]
    [winner] = [result for result in results if isinstance(result, Booking)]
    assert (await Booking.count(), await Contact.count(), await Lead.count()) == (1, 1, 1)
    held = await SlotReservation.find({}).to_list()
    assert {r.booking_id for r in held} == {winner.id}


async def test_a_taken_slot_answers_slot_taken_and_writes_nothing(event_type, outbox):
    await booked(event_type)
    before = await written()

    with pytest.raises(SlotTaken):
        await booked(event_type, email="grace@example.com")

    assert await written() == before


async def test_a_start_off_the_hosts_hours_or_grid_is_no_slot(event_type, outbox):
    for start in (local(DAY, "20:00", "Europe/Paris"), local(DAY, "10:05", "Europe/Paris")):
        with pytest.raises(SlotUnavailable):
            await booked(event_type, start)

    assert await written() == (0, 0, 0, 0)


async def test_the_same_client_booking_id_answers_the_first_booking(event_type, outbox):
    first = await booked(event_type, client_booking_id="visit-1")

    again = await booked(event_type, client_booking_id="visit-1")

    assert again.id == first.id
    assert (await Booking.count(), await Lead.count()) == (1, 1)


async def test_bad_answers_are_named_and_nothing_is_written(account, host, outbox):
    schedule = await create_schedule(account, host)
    questions = [
        Question(key="company", label="Company", required=True),
        Question(key="size", label="Size", kind=QuestionKind.SELECT, options=["1-10", "11+"]),
    ]
    asking = await create_event_type(account, (host, schedule), questions=questions)

    with pytest.raises(InvalidInput) as refused:
        await booked(asking, answers={"size": "huge"})

    fields = [detail["field"] for detail in refused.value.details]
    assert fields == ["answers.company", "answers.size"]
    assert await written() == (0, 0, 0, 0)


async def test_round_robin_gives_the_slot_to_the_host_least_booked(account, outbox):
    ada, grace = await create_user(name="Ada"), await create_user(name="Grace")
    hosts = [(user, await create_schedule(account, user)) for user in (ada, grace)]
    shared_call = await create_event_type(account, *hosts, kind=EventTypeKind.ROUND_ROBIN)

    first = await booked(shared_call, email="one@example.com")
    second = await booked(shared_call, email="two@example.com")

    assert [first.host_ids, second.host_ids] == [[ada.id], [grace.id]]
    with pytest.raises(SlotTaken):  # both are busy at ten now
        await booked(shared_call, email="three@example.com")


async def test_collective_holds_every_host_and_any_busy_one_takes_the_slot(account, outbox):
    ada, grace = await create_user(name="Ada"), await create_user(name="Grace")
    hosts = [(user, await create_schedule(account, user)) for user in (ada, grace)]
    together = await create_event_type(account, *hosts, kind=EventTypeKind.COLLECTIVE)
    alone = await create_event_type(account, hosts[1])
    await booked(alone, email="first@example.com")

    with pytest.raises(SlotTaken):
        await booked(together)

    later = await booked(together, local(DAY, "11:00", "Europe/Paris"))
    assert later.host_ids == [ada.id, grace.id]
    assert await SlotReservation.find({"booking_id": later.id}).count() == 12
