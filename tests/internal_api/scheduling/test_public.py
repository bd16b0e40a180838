"""/v1/scheduling/public: a booking page's definition and slots, a booking made without a
session (once per client booking id; a taken slot 409 leaving nothing), and the booking
viewed, cancelled and moved through its signed link, which reaches nothing else."""

import asyncio
from datetime import datetime, timedelta

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from shared.models.booking import Booking, BookingStatus
from shared.models.contact import Contact
from shared.models.lead import Lead
from shared.models.slot_reservation import SlotReservation
from tests.fixtures import asgi_client
from tests.internal_api.scheduling.factories import DAY, at, create_calendar, visitor


@pytest.fixture
async def calendar(api):
    return await create_calendar(api)


async def test_the_page_shows_nothing_private(api, calendar):
    response = await api.get(calendar.public)

    body = response.json()
    assert response.status_code == 200
    assert (body["name"], body["duration_minutes"], body["location_kind"]) == (
        "Discovery call",
        30,
        "video",
    )
    assert body["host_names"] == ["Grace Hopper"]
    assert "meet.example" not in response.text and "schedule" not in response.text


async def test_the_page_asks_the_questions_and_the_answers_are_kept(api):
    question = {"key": "company", "label": "Company", "required": True}
    calendar = await create_calendar(api, questions=[question])

    page = await api.get(calendar.public)
    missing = await api.post(f"{calendar.public}/bookings", json=visitor())
    made = await api.post(
        f"{calendar.public}/bookings", json=visitor(answers={"company": "Analytical Engines"})
    )

    assert page.json()["questions"] == [{**question, "kind": "text", "options": []}]
    assert missing.json()["error"]["details"][0]["field"] == "body.answers.company"
    booking = await Booking.get(made.json()["id"])
    assert [(a.key, a.value) for a in booking.answers] == [("company", "Analytical Engines")]


async def test_slots_are_given_by_the_visitors_day_in_their_zone(api, calendar):
    response = await api.get(
        f"{calendar.public}/slots",
        params={"from": str(DAY), "to": str(DAY), "time_zone": "America/New_York"},
    )

    body = response.json()
    assert response.status_code == 200
    [day] = body["days"]
    # 09:00-17:00 in Paris is 03:00-11:00 in New York: all on the visitor's same day.
    assert day["date"] == str(DAY)
    assert len(day["slots"]) == 16
    first = day["slots"][0]
    assert datetime.fromisoformat(first["start_at"]) == datetime.fromisoformat(at("09:00"))
    assert datetime.fromisoformat(first["local_start"]).utcoffset() == timedelta(hours=-5)


async def test_a_range_too_long_is_refused_naming_it(api, calendar):
    response = await api.get(
        f"{calendar.public}/slots",
        params={"from": "2027-01-01", "to": "2027-06-01", "time_zone": "Europe/Paris"},
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "query.to"


async def test_a_booking_answers_its_link_and_makes_the_contact_and_lead(api, calendar):
    response = await api.post(f"{calendar.public}/bookings", json=visitor())

    body = response.json()
    assert response.status_code == 201, response.text
    assert (body["status"], body["time_zone"], body["invitee_email"]) == (
        "confirmed",
        "America/New_York",
        "ada@example.com",
    )
    booking = await Booking.get(body["id"])
    assert booking.start_at == datetime.fromisoformat(at("10:00"))
    assert await Contact.count() == 1
    assert (await Lead.get(booking.lead_id)).source == "booking"
    shown = await api.get(f"/v1/scheduling/public/bookings/{body['token']}")
    assert shown.json()["id"] == body["id"]


async def test_an_idempotency_key_sent_again_answers_the_first_booking(api, calendar):
    key = {"idempotency-key": "visit-1"}
    first = await api.post(f"{calendar.public}/bookings", json=visitor(), headers=key)

    again = await api.post(f"{calendar.public}/bookings", json=visitor(), headers=key)

    assert (again.status_code, again.json()["id"]) == (201, first.json()["id"])
    assert await Booking.count() == 1


async def test_two_visitors_booking_one_slot_at_once_one_wins_one_gets_409(api, calendar):
    answers = await asyncio.gather(
        api.post(f"{calendar.public}/bookings", json=visitor(email="ada@example.com")),
        api.post(f"{calendar.public}/bookings", json=visitor(email="grace@example.com")),
    )

    assert sorted(answer.status_code for answer in answers) == [201, 409]
    [loser] = [answer for answer in answers if answer.status_code == 409]
    assert loser.json()["error"]["code"] == "slot_taken"
    assert (await Booking.count(), await Contact.count(), await Lead.count()) == (1, 1, 1)


async def test_a_time_that_is_no_slot_is_422(api, calendar):
    response = await api.post(f"{calendar.public}/bookings", json=visitor("10:10"))

    assert (response.status_code, response.json()["error"]["code"]) == (422, "slot_unavailable")
    assert await SlotReservation.count() == 0


async def test_an_archived_event_type_is_not_there_for_pages(api, calendar):
    await api.delete(
        f"/v1/scheduling/event-types/{calendar.event_type['id']}", headers=calendar.host.headers
    )

    response = await api.post(f"{calendar.public}/bookings", json=visitor())

    assert (response.status_code, response.json()["error"]["code"]) == (
        404,
        "event_type_not_found",
    )


async def test_the_link_cancels_the_booking_and_frees_the_slot(api, calendar):
    made = (await api.post(f"{calendar.public}/bookings", json=visitor())).json()

    response = await api.post(
        f"/v1/scheduling/public/bookings/{made['token']}/cancel", json={"reason": "Ill"}
    )

    assert (response.status_code, response.json()["status"]) == (200, "cancelled")
    again = await api.post(f"{calendar.public}/bookings", json=visitor(email="b@example.com"))
    assert again.status_code == 201


async def test_the_link_moves_the_booking_and_answers_the_new_ones_link(api, calendar):
    made = (await api.post(f"{calendar.public}/bookings", json=visitor())).json()

    response = await api.post(
        f"/v1/scheduling/public/bookings/{made['token']}/reschedule",
        json={"start_at": at("15:00"), "time_zone": "Europe/Paris"},
    )

    moved = response.json()
    assert response.status_code == 200, response.text
    assert datetime.fromisoformat(moved["start_at"]) == datetime.fromisoformat(at("15:00"))
    assert (await Booking.get(made["id"])).status is BookingStatus.RESCHEDULED
    old = await api.get(f"/v1/scheduling/public/bookings/{made['token']}")
    assert old.json()["status"] == "rescheduled"


async def test_a_tampered_link_answers_404_like_a_missing_booking(api, calendar):
    made = (await api.post(f"{calendar.public}/bookings", json=visitor())).json()
    header, claims, signature = made["token"].split(".")
    tampered = f"{header}.{claims}.{signature[:-2]}{'AA' if signature[-2:] != 'AA' else 'BB'}"

    response = await api.post(f"/v1/scheduling/public/bookings/{tampered}/cancel", json={})

    assert (response.status_code, response.json()["error"]["code"]) == (
        404,
        "booking_link_not_valid",
    )
    assert (await Booking.get(made["id"])).status is BookingStatus.CONFIRMED


async def test_booking_pages_and_bookings_are_rate_limited_per_event_type(mongo):
    limited = InternalApiSettings(public_rate_limit_per_key="2/minute", public_rate_limit_per_ip="")
    async with asgi_client(create_app(limited)) as api:
        calendar = await create_calendar(api)

        pages = [(await api.get(calendar.public)).status_code for _ in range(3)]
        bookings = [
            await api.post(f"{calendar.public}/bookings", json=visitor(time))
            for time in ("10:00", "11:00", "12:00")
        ]

    assert pages == [200, 200, 429]
    assert [booking.status_code for booking in bookings] == [201, 201, 429]
    assert bookings[2].json()["error"]["code"] == "rate_limited"
    assert await Booking.count() == 2
