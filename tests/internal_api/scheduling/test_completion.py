"""POST /v1/scheduling/bookings/{id}/complete and /no-show: a user of the account marks a
begun meeting's outcome once; a completed one fires `appointment.completed`; another
account's booking answers 404."""

from datetime import timedelta

import pytest

from shared.models.automation import AddTag, AppointmentCompleted, Automation
from shared.models.automation_log import AutomationLog
from shared.models.base import utc_now
from shared.models.booking import Booking, BookingStatus
from tests.factories import create_contact, create_signed_in
from tests.internal_api.scheduling.factories import BOOKINGS
from tests.shared.domain.scheduling.factories import create_booking


@pytest.fixture
async def host(api):
    return await create_signed_in()


async def booking_of(host, hours_from_now: float) -> Booking:
    contact = await create_contact(host.account)
    start = utc_now() + timedelta(hours=hours_from_now)
    return await create_booking(host.account, contact.id, start, host_ids=[host.user.id])


async def test_a_begun_meeting_marked_completed_fires_the_accounts_automations(api, host):
    rule = await Automation(
        account_id=host.account.id,
        name="Ask for a review",
        trigger=AppointmentCompleted(),
        actions=[AddTag(tag="met")],
    ).insert()
    booking = await booking_of(host, -0.25)

    response = await api.post(f"{BOOKINGS}/{booking.id}/complete", headers=host.headers)

    assert response.status_code == 200, response.text
    body = (await api.get(f"{BOOKINGS}/{booking.id}", headers=host.headers)).json()
    assert (body["status"], body["completed_by"]) == ("completed", str(host.user.id))
    [run] = await AutomationLog.find({"automation_id": rule.id}).to_list()
    assert (run.entity_type, run.entity_id) == ("contact", booking.contact_id)


async def test_a_no_show_cannot_then_be_marked_completed(api, host):
    booking = await booking_of(host, -2)
    await api.post(f"{BOOKINGS}/{booking.id}/no-show", headers=host.headers)

    response = await api.post(f"{BOOKINGS}/{booking.id}/complete", headers=host.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "booking_closed"
    assert (await Booking.get(booking.id)).status is BookingStatus.NO_SHOW


async def test_a_meeting_not_begun_is_refused(api, host):
    booking = await booking_of(host, 24)

    response = await api.post(f"{BOOKINGS}/{booking.id}/no-show", headers=host.headers)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "meeting_not_begun"
    assert (await Booking.get(booking.id)).status is BookingStatus.CONFIRMED


async def test_another_accounts_booking_answers_404(api, host):
    booking = await booking_of(host, -2)
    stranger = await create_signed_in()

    response = await api.post(f"{BOOKINGS}/{booking.id}/complete", headers=stranger.headers)

    assert response.status_code == 404
    assert (await Booking.get(booking.id)).status is BookingStatus.CONFIRMED
