import datetime
from typing import Annotated

from beanie import PydanticObjectId
from pydantic import Field, StringConstraints

from shared.utilities.schemas import DocumentRead, IdStr, WriteModel

MINUTES_A_DAY = 24 * 60


class TimeEntryCreate(WriteModel):
    minutes: int = Field(ge=1, le=MINUTES_A_DAY)
    date: datetime.date = Field(description="the day worked, in the worker's calendar")
    note: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] = ""
    user_id: PydanticObjectId | None = Field(None, description="who worked; none: the caller")


class TimeEntryRead(DocumentRead):
    task_id: IdStr
    user_id: IdStr
    minutes: int
    note: str
    date: datetime.date
    created_by: IdStr
