from datetime import datetime
from typing import Annotated, Any, Self

from pydantic import Field, field_validator, model_validator

from internal_api.fields import Name
from internal_api.public.cors import AllowedOrigin
from internal_api.scheduling.wall_time import Buffer, Duration, ReminderMinutes
from shared.models.event_type import EventTypeKind, LocationKind, QuestionKind
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

Key = Annotated[str, Field(pattern=r"^[A-Za-z][A-Za-z0-9_]{0,63}$")]
Label = Annotated[str, Field(min_length=1, max_length=500)]
Option = Annotated[str, Field(min_length=1, max_length=200)]
Notice = Annotated[int, Field(ge=0, le=60 * 24 * 60)]


class LocationWrite(WriteModel):
    kind: LocationKind
    value: Annotated[str, Field(max_length=1000)] = Field(
        "",
        description="phone: the number to call (empty: the host calls); video: the link; "
        "address: where",
    )

    @model_validator(mode="after")
    def said_where(self) -> Self:
        if self.kind is not LocationKind.PHONE and not self.value.strip():
            raise ValueError(f"a {self.kind} location needs its value")
        return self


class QuestionWrite(WriteModel):
    key: Key
    label: Label
    kind: QuestionKind = QuestionKind.TEXT
    required: bool = False
    options: Annotated[list[Option], Field(max_length=50)] = []

    @model_validator(mode="after")
    def options_for_selects(self) -> Self:
        if (self.kind is QuestionKind.SELECT) != bool(self.options):
            raise ValueError("a select has options, and only it does")
        return self


class HostWrite(WriteModel):
    user_id: IdStr
    schedule_id: IdStr = Field(description="one of the user's availability schedules")


Hosts = Annotated[list[HostWrite], Field(min_length=1, max_length=20)]
Questions = Annotated[list[QuestionWrite], Field(max_length=20)]
Reminders = Annotated[list[ReminderMinutes], Field(max_length=3)]
Origins = Annotated[list[Annotated[AllowedOrigin, Field(max_length=300)]], Field(max_length=50)]


def distinct(values: list[Any], what: str) -> None:
    if len(set(values)) != len(values):
        raise ValueError(f"each {what} once")


class EventTypeFields(WriteModel):
    @field_validator("questions", check_fields=False)
    @classmethod
    def keys_once(cls, questions: list[QuestionWrite] | None) -> list[QuestionWrite] | None:
        distinct([question.key for question in questions or []], "question key")
        return questions

    @field_validator("hosts", check_fields=False)
    @classmethod
    def hosts_once(cls, hosts: list[HostWrite] | None) -> list[HostWrite] | None:
        distinct([host.user_id for host in hosts or []], "host")
        return hosts


class EventTypeCreate(EventTypeFields):
    name: Name
    description: Annotated[str, Field(max_length=5000)] = ""
    kind: EventTypeKind = EventTypeKind.ONE_ON_ONE
    hosts: Hosts
    duration_minutes: Duration
    buffer_before_minutes: Buffer = 0
    buffer_after_minutes: Buffer = 0
    slot_interval_minutes: Duration | None = Field(
        None, description="slots start this often; the duration by default"
    )
    min_notice_minutes: Notice = 0
    booking_window_days: int = Field(60, ge=1, le=730)
    max_per_day: int | None = Field(None, ge=1, le=100, description="per host and day")
    location: LocationWrite
    questions: Questions = []
    reminder_minutes: Reminders = Field([], description="reminders this long before")
    sms_reminders: bool = Field(False, description="reminders by SMS too, to a given phone")
    allowed_origins: Origins = Field([], description="pages that may book it; none: any")
    active: bool = True

    @model_validator(mode="after")
    def hosts_fit_the_kind(self) -> Self:
        if self.kind is EventTypeKind.ONE_ON_ONE and len(self.hosts) != 1:
            raise ValueError("a one-on-one event type has one host")
        return self


class EventTypeUpdate(EventTypeFields):
    """Only the fields sent change; `slot_interval_minutes` and `max_per_day` null remove
    them. Bookings made keep what they were made with."""

    name: Name | None = None
    description: Annotated[str, Field(max_length=5000)] | None = None
    kind: EventTypeKind | None = None
    hosts: Hosts | None = None
    duration_minutes: Duration | None = None
    buffer_before_minutes: Buffer | None = None
    buffer_after_minutes: Buffer | None = None
    slot_interval_minutes: Duration | None = None
    min_notice_minutes: Notice | None = None
    booking_window_days: int | None = Field(None, ge=1, le=730)
    max_per_day: int | None = Field(None, ge=1, le=100)
    location: LocationWrite | None = None
    questions: Questions | None = None
    reminder_minutes: Reminders | None = None
    sms_reminders: bool | None = None
    allowed_origins: Origins | None = None
    active: bool | None = None

    @model_validator(mode="after")
    def nulls_only_where_they_remove(self) -> Self:
        removable = {"slot_interval_minutes", "max_per_day"}
        nulls = [n for n in self.model_fields_set - removable if getattr(self, n) is None]
        if nulls:
            raise ValueError(f"cannot be null: {', '.join(sorted(nulls))}")
        return self


class LocationRead(ReadModel):
    kind: LocationKind
    value: str


class QuestionRead(ReadModel):
    key: str
    label: str
    kind: QuestionKind
    required: bool
    options: list[str]


class HostRead(ReadModel):
    user_id: IdStr
    schedule_id: IdStr


class EventTypeRead(DocumentRead):
    name: str
    description: str
    kind: EventTypeKind
    hosts: list[HostRead]
    duration_minutes: int
    buffer_before_minutes: int
    buffer_after_minutes: int
    slot_interval_minutes: int | None
    min_notice_minutes: int
    booking_window_days: int
    max_per_day: int | None
    location: LocationRead
    questions: list[QuestionRead]
    reminder_minutes: list[int]
    sms_reminders: bool
    allowed_origins: list[str]
    active: bool
    archived_at: datetime | None
