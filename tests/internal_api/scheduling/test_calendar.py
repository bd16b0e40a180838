"""Google Calendar's busy times, read from the external API with the internal API's service
token, take the hosts' slots away; an account that has not connected it books by the
schedules alone; one whose calendars cannot be read offers nothing and books nothing."""

import json

import jwt
import pytest

from shared.models.booking import Booking
from shared.models.google_calendar_token import GoogleCalendarToken
from tests.internal_api.scheduling.factories import DAY, SCHEDULES, at, create_calendar, visitor

SLOTS = {"from": str(DAY), "to": str(DAY), "time_zone": "Europe/Paris"}


@pytest.fixture
async def calendar(api):
    return await create_calendar(api)


@pytest.fixture
async def connected(calendar):
    """The account connected Google Calendar (its tokens, sealed, are the external API's)."""
    account_id = calendar.host.account.id
    return await GoogleCalendarToken(account_id=account_id, access_token="sealed").insert()


def local_starts(response) -> list[str]:
    [day] = response.json()["days"]
    return [slot["local_start"][11:16] for slot in day["slots"]]


async def test_busy_times_in_google_calendar_take_the_slots_they_cover(
    api, calendar, connected, external_api
):
    email = calendar.host.user.email
    external_api.busy = {email: [{"start": at("10:00"), "end": at("11:15")}]}

    response = await api.get(f"{calendar.public}/slots", params=SLOTS)

    starts = local_starts(response)
    assert "09:30" in starts and "11:30" in starts
    assert not {"10:00", "10:30", "11:00"} & set(starts)
    [sent] = external_api.requests
    account_id = calendar.host.account.id
    assert sent.url.path == f"/v1/e/google-calendar/accounts/{account_id}/free-busy"
    assert json.loads(sent.content)["calendar_ids"] == [email]
    token = sent.headers["authorization"].removeprefix("Bearer ")
    claims = jwt.decode(token, options={"verify_signature": False})
    assert (claims["sub"], claims["aud"], claims["kind"]) == (
        "internal_api",
        "external_api",
        "service",
    )


async def test_a_booking_at_a_time_google_says_is_busy_is_taken(
    api, calendar, connected, external_api
):
    external_api.busy = {calendar.host.user.email: [{"start": at("10:00"), "end": at("10:30")}]}

    response = await api.post(f"{calendar.public}/bookings", json=visitor("10:00"))

    assert (response.status_code, response.json()["error"]["code"]) == (409, "slot_taken")
    assert await Booking.count() == 0


async def test_the_schedules_own_calendar_id_is_asked_for(api, calendar, connected, external_api):
    external_api.busy = {}
    await api.patch(
        f"{SCHEDULES}/{calendar.schedule['id']}",
        json={"google_calendar_id": "team@example.com"},
        headers=calendar.host.headers,
    )

    await api.get(f"{calendar.public}/slots", params=SLOTS)

    assert json.loads(external_api.requests[0].content)["calendar_ids"] == ["team@example.com"]


async def test_without_google_calendar_connected_the_schedule_alone_counts(
    api, calendar, external_api
):
    external_api.failing = True  # never asked

    response = await api.get(f"{calendar.public}/slots", params=SLOTS)

    assert len(local_starts(response)) == 16
    assert external_api.requests == []


async def test_a_connection_gone_meanwhile_counts_as_none(api, calendar, connected, external_api):
    response = await api.get(f"{calendar.public}/slots", params=SLOTS)  # the fake: not_connected

    assert len(local_starts(response)) == 16
    assert len(external_api.requests) == 1


async def test_calendars_that_cannot_be_read_offer_no_slot_and_book_nothing(
    api, calendar, connected, external_api
):
    external_api.failing = True

    slots = await api.get(f"{calendar.public}/slots", params=SLOTS)
    booking = await api.post(f"{calendar.public}/bookings", json=visitor())

    assert (slots.status_code, slots.json()["error"]["code"]) == (503, "calendar_unavailable")
    assert (booking.status_code, booking.json()["error"]["code"]) == (503, "calendar_unavailable")
    assert await Booking.count() == 0
