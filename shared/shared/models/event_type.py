"""What a visitor books: a meeting of some length with one user (`one_on_one`), with whichever
of several users is free (`round_robin`), or with all of them at once (`collective`), each host
available by their own schedule.

Minutes everywhere, each a multiple of `SLOT_STEP_MINUTES`, so every meeting and buffer covers
whole reservation blocks (`shared.models.slot_reservation`).
"""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument

SLOT_STEP_MINUTES = 5


class EventTypeKind(StrEnum):
    ONE_ON_ONE = "one_on_one"
    ROUND_ROBIN = "round_robin"
    COLLECTIVE = "collective"


class LocationKind(StrEnum):
    PHONE = "phone"  # `value`: the number to call; empty: the host calls the invitee
    VIDEO = "video"  # `value`: the meeting link
    ADDRESS = "address"  # `value`: where to meet


class Location(BaseModel):
    kind: LocationKind
    value: str = ""


class QuestionKind(StrEnum):
    TEXT = "text"
    LONG_TEXT = "long_text"
    PHONE = "phone"
    SELECT = "select"


class Question(BaseModel):
    key: str
    label: str
    kind: QuestionKind = QuestionKind.TEXT
    required: bool = False
    options: list[str] = []  # a select's


class Host(BaseModel):
    user_id: PydanticObjectId
    schedule_id: PydanticObjectId  # one of the user's availability schedules


class EventType(TenantDocument):
    name: str
    description: str = ""
    kind: EventTypeKind = EventTypeKind.ONE_ON_ONE
    hosts: list[Host]
    duration_minutes: int
    buffer_before_minutes: int = 0
    buffer_after_minutes: int = 0
    # Slots start this often within the hours (the duration when None).
    slot_interval_minutes: int | None = None
    min_notice_minutes: int = 0  # no slot sooner than this from now
    booking_window_days: int = 60  # no slot later than this from now
    max_per_day: int | None = None  # bookings per host and day (in the host's zone)
    location: Location
    questions: list[Question] = []
    reminder_minutes: list[int] = []  # reminders this long before the meeting, by email
    sms_reminders: bool = False  # and by SMS when the invitee gave a phone number
    allowed_origins: list[str] = []  # pages that may book it; none: any
    active: bool = True  # an inactive one offers no slots
    archived_at: datetime | None = None

    @property
    def interval_minutes(self) -> int:
        return self.slot_interval_minutes or self.duration_minutes

    class Settings:
        name = "event_types"
        use_state_management = True
        indexes = [
            IndexModel(
                [("account_id", ASCENDING), ("archived_at", ASCENDING), ("created_at", DESCENDING)]
            ),
            IndexModel([("account_id", ASCENDING), ("hosts.user_id", ASCENDING)]),
        ]
