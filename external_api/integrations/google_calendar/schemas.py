from datetime import datetime
from typing import Annotated, Any, Self

from pydantic import AwareDatetime, Field, model_validator

from shared.utilities.schemas import ReadModel, WriteModel

CalendarId = Annotated[str, Field(min_length=1, max_length=300)]


class FreeBusyQuery(WriteModel):
    time_min: AwareDatetime
    time_max: AwareDatetime
    # Google expands at most 50 calendars per query.
    calendar_ids: Annotated[list[CalendarId], Field(min_length=1, max_length=50)]

    @model_validator(mode="after")
    def in_order(self) -> Self:
        if self.time_max <= self.time_min:
            raise ValueError("time_max is not after time_min")
        return self


class BusyRead(ReadModel):
    start: datetime
    end: datetime


class CalendarBusyRead(ReadModel):
    busy: list[BusyRead] = []
    errors: list[dict[str, Any]] = Field([], description="Google's, for a calendar it cannot read")


class FreeBusyRead(ReadModel):
    calendars: dict[str, CalendarBusyRead]
