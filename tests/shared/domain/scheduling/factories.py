"""Schedules, event types and booking requests for scheduling's tests."""

import uuid
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from beanie import PydanticObjectId

from shared.domain.scheduling.booking import BookingRequest
from shared.models.account import Account
from shared.models.availability_schedule import AvailabilitySchedule, WeeklyHours
from shared.models.base import utc_now
from shared.models.booking import Booking, Invitee
from shared.models.event_type import EventType, Host, Location, LocationKind
from shared.models.user import User

WEEKDAYS = range(7)


def every_day(start: str = "09:00", end: str = "17:00") -> list[WeeklyHours]:
    return [WeeklyHours(weekday=day, start=start, end=end) for day in WEEKDAYS]


def schedule_of(user: User, **overrides) -> AvailabilitySchedule:
    fields = {
        "user_id": user.id,
        "name": "Working hours",
        "time_zone": "Europe/Paris",
        "weekly_hours": every_day(),
    }
    return AvailabilitySchedule(**{"account_id": user.id, **fields, **overrides})


async def create_schedule(account: Account, user: User, **overrides) -> AvailabilitySchedule:
    return await schedule_of(user, account_id=account.id, **overrides).insert()


async def create_event_type(
    account: Account, *hosts: tuple[User, AvailabilitySchedule], **overrides
) -> EventType:
    fields = {
        "account_id": account.id,
        "name": "Discovery call",
        "hosts": [Host(user_id=user.id, schedule_id=schedule.id) for user, schedule in hosts],
        "duration_minutes": 30,
        "location": Location(kind=LocationKind.VIDEO, value="https://meet.example/abc"),
    }
    return await EventType(**{**fields, **overrides}).insert()


def local(day: date, at: str, zone: str) -> datetime:
    """The instant of a wall time on a date in a zone, in UTC."""
    hours, minutes = map(int, at.split(":"))
    return datetime.combine(day, time(hours, minutes), tzinfo=ZoneInfo(zone)).astimezone(UTC)


def days_ahead(days: int) -> date:
    return (utc_now() + timedelta(days=days)).date()


def request(start: datetime, **overrides) -> BookingRequest:
    fields = {"time_zone": "Europe/Paris", "name": "Ada King", "email": "ada@example.com"}
    return BookingRequest(start_at=start, **{**fields, **overrides})


async def create_booking(account: Account, contact_id, start_at: datetime, **overrides) -> Booking:
    """A confirmed 30-minute booking stored as it is (no slot held): for what happens once its
    meeting has begun or ended."""
    fields = {
        "account_id": account.id,
        "event_type_id": PydanticObjectId(),
        "event_name": "Discovery call",
        "host_ids": [PydanticObjectId()],
        "contact_id": contact_id,
        "invitee": Invitee(name="Ada King", email="ada@example.com"),
        "start_at": start_at,
        "end_at": start_at + timedelta(minutes=30),
        "time_zone": "Europe/Paris",
        "location": Location(kind=LocationKind.VIDEO, value="https://meet.example/abc"),
        "client_booking_id": uuid.uuid4().hex,
        "ical_uid": f"{uuid.uuid4().hex}@example.com",
    }
    return await Booking(**{**fields, **overrides}).insert()
