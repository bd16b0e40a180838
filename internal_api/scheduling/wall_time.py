"""Field types of wall-clock times and minute counts the scheduling schemas share: every time
and length on the 5-minute blocks bookings are held in."""

from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from shared.models.event_type import SLOT_STEP_MINUTES


def on_the_step(minutes: int) -> int:
    if minutes % SLOT_STEP_MINUTES:
        raise ValueError(f"a multiple of {SLOT_STEP_MINUTES} minutes")
    return minutes


def wall_time(text: str) -> str:
    hours, minutes = int(text[:2]), int(text[3:])
    if hours * 60 + minutes > 24 * 60 or minutes >= 60:
        raise ValueError("a time from 00:00 to 24:00")
    on_the_step(minutes)
    return text


WallTime = Annotated[
    str,
    StringConstraints(pattern=r"^[0-9]{2}:[0-9]{2}$"),
    AfterValidator(wall_time),
    Field(examples=["09:00"]),
]


OnTheStep = AfterValidator(on_the_step)
Duration = Annotated[int, Field(ge=5, le=720), OnTheStep]
Buffer = Annotated[int, Field(ge=0, le=240), OnTheStep]
ReminderMinutes = Annotated[int, Field(ge=5, le=60 * 24 * 14), OnTheStep]
