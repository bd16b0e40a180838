"""A host with a schedule and an event type, made through the API as the dashboard does."""

from dataclasses import dataclass

from tests.factories import SignedIn, create_signed_in
from tests.shared.domain.scheduling.factories import days_ahead, local

SCHEDULES = "/v1/scheduling/schedules"
EVENT_TYPES = "/v1/scheduling/event-types"
BOOKINGS = "/v1/scheduling/bookings"
PUBLIC = "/v1/scheduling/public"
EVERY_DAY = [{"weekday": day, "start": "09:00", "end": "17:00"} for day in range(7)]
DAY = days_ahead(7)


def at(time: str, zone: str = "Europe/Paris") -> str:
    return local(DAY, time, zone).isoformat()


@dataclass
class Calendar:
    host: SignedIn
    schedule: dict
    event_type: dict

    @property
    def public(self) -> str:
        return f"{PUBLIC}/event-types/{self.event_type['id']}"


async def create_calendar(
    api, host: SignedIn | None = None, *, through_the_gateway: bool = False, **event_type
) -> Calendar:
    """`through_the_gateway`: `api` is the dashboard's chain, which takes the session id."""
    host = host or await create_signed_in(name="Grace Hopper")
    headers = host.session_headers if through_the_gateway else host.headers
    schedule = await api.post(
        SCHEDULES,
        json={"name": "Hours", "time_zone": "Europe/Paris", "weekly_hours": EVERY_DAY},
        headers=headers,
    )
    assert schedule.status_code == 201, schedule.text
    body = {
        "name": "Discovery call",
        "hosts": [{"user_id": str(host.user.id), "schedule_id": schedule.json()["id"]}],
        "duration_minutes": 30,
        "location": {"kind": "video", "value": "https://meet.example/abc"},
        **event_type,
    }
    made = await api.post(EVENT_TYPES, json=body, headers=headers)
    assert made.status_code == 201, made.text
    return Calendar(host, schedule.json(), made.json())


def visitor(time: str = "10:00", **overrides) -> dict:
    return {
        "start_at": at(time),
        "time_zone": "America/New_York",
        "name": "Ada King",
        "email": "ada@example.com",
        **overrides,
    }
