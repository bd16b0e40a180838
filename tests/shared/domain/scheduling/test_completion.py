"""A booking whose meeting ended becomes completed once, however often the sweep runs, firing
the account's `appointment.completed` automations on its contact once; a user marks a begun
meeting completed or a no-show (which fires nothing); a cancelled or future one is left."""

from datetime import timedelta

import pytest

from shared.domain.scheduling.completion import complete_ended, mark
from shared.domain.scheduling.errors import BookingClosed, MeetingNotBegun
from shared.models.automation import AddTag, AppointmentCompleted, Automation
from shared.models.automation_log import AutomationLog
from shared.models.base import utc_now
from shared.models.booking import Booking, BookingStatus
from shared.utilities.task_names import TRIGGERS_RUN_AUTOMATION
from tests.factories import create_account, create_contact
from tests.shared.domain.held import recording
from tests.shared.domain.scheduling.factories import create_booking

BATCH = 500


@pytest.fixture
async def account(mongo):
    return await create_account()


@pytest.fixture
async def rule(account):
    return await Automation(
        account_id=account.id,
        name="Ask for a review",
        trigger=AppointmentCompleted(),
        actions=[AddTag(tag="met")],
    ).insert()


async def booking_of(account, hours_from_now: float, **overrides) -> Booking:
    contact = await create_contact(account)
    start = utc_now() + timedelta(hours=hours_from_now)
    return await create_booking(account, contact.id, start, **overrides)


async def runs_of(rule: Automation) -> list[AutomationLog]:
    return await AutomationLog.find({"automation_id": rule.id}).to_list()


async def test_an_ended_booking_fires_once_though_the_sweep_runs_twice(account, rule):
    booking = await booking_of(account, -2)

    async with recording() as sent:
        first = await complete_ended(utc_now(), BATCH)
        second = await complete_ended(utc_now(), BATCH)

    stored = await Booking.get(booking.id)
    assert (first, second) == (1, 0)
    assert (stored.status, stored.completed_by) == (BookingStatus.COMPLETED, None)
    [run] = await runs_of(rule)
    assert (run.trigger, run.entity_type, run.entity_id) == (
        "appointment.completed",
        "contact",
        booking.contact_id,
    )
    assert [job.task_id for job in sent.jobs if job.name == TRIGGERS_RUN_AUTOMATION.name] == [
        str(run.id)
    ]


async def test_a_meeting_not_yet_ended_is_left_confirmed(account, rule):
    booking = await booking_of(account, -0.25)  # began a quarter of an hour ago, lasts half

    async with recording():
        completed = await complete_ended(utc_now(), BATCH)

    assert completed == 0
    assert (await Booking.get(booking.id)).status is BookingStatus.CONFIRMED
    assert await runs_of(rule) == []


async def test_a_cancelled_booking_is_never_completed(account, rule):
    booking = await booking_of(account, -2, status=BookingStatus.CANCELLED)

    async with recording():
        completed = await complete_ended(utc_now(), BATCH)

    assert completed == 0
    assert (await Booking.get(booking.id)).status is BookingStatus.CANCELLED
    assert await runs_of(rule) == []


async def test_a_user_marking_a_begun_meeting_completed_fires_it_and_the_sweep_not_again(
    account, rule
):
    booking = await booking_of(account, -0.25)
    user_id = booking.host_ids[0]

    async with recording():
        await mark(booking, BookingStatus.COMPLETED, user_id)
        swept = await complete_ended(utc_now() + timedelta(hours=1), BATCH)

    stored = await Booking.get(booking.id)
    assert (stored.status, stored.completed_by, swept) == (BookingStatus.COMPLETED, user_id, 0)
    assert len(await runs_of(rule)) == 1


async def test_a_no_show_fires_nothing_and_is_not_completed_later(account, rule):
    booking = await booking_of(account, -2)

    async with recording():
        await mark(booking, BookingStatus.NO_SHOW, booking.host_ids[0])
        swept = await complete_ended(utc_now(), BATCH)

    assert ((await Booking.get(booking.id)).status, swept) == (BookingStatus.NO_SHOW, 0)
    assert await runs_of(rule) == []


async def test_a_meeting_not_begun_cannot_be_marked(account, rule):
    booking = await booking_of(account, 24)

    with pytest.raises(MeetingNotBegun):
        await mark(booking, BookingStatus.COMPLETED, booking.host_ids[0])

    assert (await Booking.get(booking.id)).status is BookingStatus.CONFIRMED
    assert await runs_of(rule) == []


async def test_a_completed_booking_cannot_be_marked_again(account, rule):
    booking = await booking_of(account, -2)
    async with recording():
        await complete_ended(utc_now(), BATCH)

    with pytest.raises(BookingClosed):
        await mark(await Booking.get(booking.id), BookingStatus.NO_SHOW, booking.host_ids[0])

    assert (await Booking.get(booking.id)).status is BookingStatus.COMPLETED
    assert len(await runs_of(rule)) == 1
