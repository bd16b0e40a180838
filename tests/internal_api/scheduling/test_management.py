"""/v1/scheduling/schedules, /event-types and /bookings: the account's users manage schedules
(members their own), event types (hosts of the account on their own schedules) and bookings,
in standard pages; another account's answer 404 like missing ones."""

import pytest

from shared.models.booking import BookingStatus
from shared.models.membership import Role
from tests.factories import create_signed_in
from tests.internal_api.scheduling.factories import (
    BOOKINGS,
    EVENT_TYPES,
    EVERY_DAY,
    SCHEDULES,
    create_calendar,
    visitor,
)


@pytest.fixture
async def calendar(api):
    return await create_calendar(api)


async def booked(api, calendar, time="10:00", email="ada@example.com") -> dict:
    response = await api.post(f"{calendar.public}/bookings", json=visitor(time, email=email))
    assert response.status_code == 201, response.text
    return response.json()


async def test_a_schedule_is_read_back_as_made(api, calendar):
    response = await api.get(
        f"{SCHEDULES}/{calendar.schedule['id']}", headers=calendar.host.headers
    )

    body = response.json()
    assert (body["time_zone"], body["user_id"]) == ("Europe/Paris", str(calendar.host.user.id))
    assert body["weekly_hours"][0] == {"weekday": 0, "start": "09:00", "end": "17:00"}


async def test_overlapping_hours_or_an_unknown_zone_are_named(api, calendar):
    hours = [
        {"weekday": 0, "start": "09:00", "end": "12:00"},
        {"weekday": 0, "start": "11:00", "end": "13:00"},
    ]
    response = await api.post(
        SCHEDULES,
        json={"name": "Bad", "time_zone": "Mars/Olympus", "weekly_hours": hours},
        headers=calendar.host.headers,
    )

    assert response.status_code == 422
    fields = {detail["field"] for detail in response.json()["error"]["details"]}
    assert "body.time_zone" in fields


async def test_a_member_may_not_make_a_schedule_for_someone_else(api, calendar):
    member = await create_signed_in(calendar.host.account, Role.MEMBER)

    response = await api.post(
        SCHEDULES,
        json={
            "user_id": str(calendar.host.user.id),
            "name": "Theirs",
            "time_zone": "UTC",
            "weekly_hours": EVERY_DAY,
        },
        headers=member.headers,
    )

    assert (response.status_code, response.json()["error"]["code"]) == (403, "not_your_schedule")


async def test_a_schedule_an_event_type_uses_cannot_be_deleted(api, calendar):
    response = await api.delete(
        f"{SCHEDULES}/{calendar.schedule['id']}", headers=calendar.host.headers
    )

    assert (response.status_code, response.json()["error"]["code"]) == (409, "schedule_in_use")


async def test_a_host_on_someone_elses_schedule_is_refused_naming_it(api, calendar):
    other = await create_signed_in(calendar.host.account, Role.MEMBER)
    body = {
        "name": "Call",
        "hosts": [{"user_id": str(other.user.id), "schedule_id": calendar.schedule["id"]}],
        "duration_minutes": 30,
        "location": {"kind": "phone"},
    }

    response = await api.post(EVENT_TYPES, json=body, headers=calendar.host.headers)

    assert response.status_code == 422
    error = response.json()["error"]
    assert (error["code"], error["details"][0]["field"]) == (
        "invalid_hosts",
        "body.hosts.0.schedule_id",
    )


async def test_minutes_off_the_five_minute_steps_are_refused(api, calendar):
    response = await api.patch(
        f"{EVENT_TYPES}/{calendar.event_type['id']}",
        json={"duration_minutes": 32},
        headers=calendar.host.headers,
    )

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.duration_minutes"


async def test_bookings_are_listed_soonest_first_in_standard_pages(api, calendar):
    await booked(api, calendar, "15:00", "late@example.com")
    await booked(api, calendar, "10:00", "early@example.com")

    response = await api.get(BOOKINGS, params={"limit": 1}, headers=calendar.host.headers)

    body = response.json()
    assert [b["invitee"]["email"] for b in body["data"]] == ["early@example.com"]
    assert body["pagination"] == {"page": 1, "limit": 1, "total": 2, "next_page": 2}


async def test_a_user_cancels_a_booking_and_the_invitee_is_told(api, calendar):
    made = await booked(api, calendar)

    response = await api.post(
        f"{BOOKINGS}/{made['id']}/cancel", json={"reason": "Away"}, headers=calendar.host.headers
    )

    body = response.json()
    assert (body["status"], body["cancelled_by"], body["cancel_reason"]) == (
        BookingStatus.CANCELLED,
        "user",
        "Away",
    )
    again = await api.post(
        f"{BOOKINGS}/{made['id']}/cancel", json={}, headers=calendar.host.headers
    )
    assert (again.status_code, again.json()["error"]["code"]) == (409, "booking_closed")


@pytest.mark.parametrize(
    "path",
    [
        "{bookings}/{booking}",
        "{event_types}/{event_type}",
        "{schedules}/{schedule}",
    ],
)
async def test_another_accounts_records_answer_404_like_missing_ones(api, calendar, path):
    made = await booked(api, calendar)
    stranger = await create_signed_in()
    url = path.format(
        bookings=BOOKINGS,
        booking=made["id"],
        event_types=EVENT_TYPES,
        event_type=calendar.event_type["id"],
        schedules=SCHEDULES,
        schedule=calendar.schedule["id"],
    )

    theirs = await api.get(url, headers=stranger.headers)
    missing = await api.get(url.rsplit("/", 1)[0] + "/" + "0" * 24, headers=stranger.headers)

    assert (theirs.status_code, theirs.json()["error"]["code"]) == (
        missing.status_code,
        missing.json()["error"]["code"],
    )
    assert theirs.status_code == 404


async def test_another_accounts_booking_cannot_be_cancelled(api, calendar):
    made = await booked(api, calendar)
    stranger = await create_signed_in()

    response = await api.post(f"{BOOKINGS}/{made['id']}/cancel", json={}, headers=stranger.headers)

    assert response.status_code == 404
    listed = await api.get(BOOKINGS, headers=stranger.headers)
    assert listed.json()["data"] == []
