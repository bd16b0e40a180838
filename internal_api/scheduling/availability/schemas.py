from datetime import date
from itertools import pairwise
from typing import Annotated, Self

from pydantic import Field, model_validator

from internal_api.fields import Name, TimeZone
from internal_api.scheduling.wall_time import WallTime
from shared.domain.scheduling.windows import wall_minutes
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel


class WindowWrite(WriteModel):
    start: WallTime
    end: WallTime = Field(description="after start; 24:00 is midnight at the day's end")

    @model_validator(mode="after")
    def ends_after_it_starts(self) -> Self:
        if wall_minutes(self.end) <= wall_minutes(self.start):
            raise ValueError("end is not after start")
        return self


class WeeklyWrite(WindowWrite):
    weekday: int = Field(ge=0, le=6, description="0 Monday ... 6 Sunday")


def apart(windows: list[WindowWrite]) -> None:
    """No two windows of a day overlap."""
    ordered = sorted(windows, key=lambda window: wall_minutes(window.start))
    for earlier, later in pairwise(ordered):
        if wall_minutes(later.start) < wall_minutes(earlier.end):
            raise ValueError(f"{earlier.start}-{earlier.end} overlaps {later.start}-{later.end}")


class OverrideWrite(WriteModel):
    date: date
    windows: Annotated[list[WindowWrite], Field(max_length=10)] = Field(
        [], description="the date's hours; none: unavailable that date"
    )

    @model_validator(mode="after")
    def windows_apart(self) -> Self:
        apart(list(self.windows))
        return self


class HolidayWrite(WriteModel):
    start: date
    end: date
    name: Annotated[str, Field(max_length=200)] = ""

    @model_validator(mode="after")
    def in_order(self) -> Self:
        if self.end < self.start:
            raise ValueError("end is before start")
        return self


Weekly = Annotated[list[WeeklyWrite], Field(max_length=70)]
Overrides = Annotated[list[OverrideWrite], Field(max_length=400)]
Holidays = Annotated[list[HolidayWrite], Field(max_length=200)]
CalendarId = Annotated[str, Field(min_length=1, max_length=300)]


def checked_hours(weekly: list[WeeklyWrite] | None, overrides: list[OverrideWrite] | None) -> None:
    for weekday in range(7):
        apart([window for window in weekly or [] if window.weekday == weekday])
    dates = [override.date for override in overrides or []]
    if len(set(dates)) != len(dates):
        raise ValueError("one override per date")


class ScheduleCreate(WriteModel):
    user_id: IdStr | None = Field(None, description="whose: the caller's by default")
    name: Name
    time_zone: TimeZone
    weekly_hours: Weekly = []
    date_overrides: Overrides = []
    holidays: Holidays = []
    google_calendar_id: CalendarId | None = Field(
        None, description="the Google calendar whose busy times block it: the user's email"
    )
    use_google_calendar: bool = True

    @model_validator(mode="after")
    def hours_hold_together(self) -> Self:
        checked_hours(self.weekly_hours, self.date_overrides)
        return self


class ScheduleUpdate(WriteModel):
    """Only the fields sent change; `google_calendar_id` null goes back to the user's email."""

    name: Name | None = None
    time_zone: TimeZone | None = None
    weekly_hours: Weekly | None = None
    date_overrides: Overrides | None = None
    holidays: Holidays | None = None
    google_calendar_id: CalendarId | None = None
    use_google_calendar: bool | None = None

    @model_validator(mode="after")
    def hours_hold_together(self) -> Self:
        checked_hours(self.weekly_hours, self.date_overrides)
        nulls = self.model_fields_set - {"google_calendar_id"}
        if [name for name in nulls if getattr(self, name) is None]:
            raise ValueError("only google_calendar_id may be null")
        return self


class WindowRead(ReadModel):
    start: str
    end: str


class WeeklyRead(WindowRead):
    weekday: int


class OverrideRead(ReadModel):
    date: date
    windows: list[WindowRead]


class HolidayRead(ReadModel):
    start: date
    end: date
    name: str


class ScheduleRead(DocumentRead):
    user_id: IdStr
    name: str
    time_zone: str
    weekly_hours: list[WeeklyRead]
    date_overrides: list[OverrideRead]
    holidays: list[HolidayRead]
    google_calendar_id: str | None
    use_google_calendar: bool
