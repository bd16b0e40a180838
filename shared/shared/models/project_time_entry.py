"""Time spent on a task: who, how many minutes, on which day (the worker's calendar date)."""

import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class TimeEntry(TenantDocument):
    project_id: PydanticObjectId
    task_id: PydanticObjectId
    user_id: PydanticObjectId
    minutes: int
    note: str = ""
    date: datetime.date
    created_by: PydanticObjectId

    class Settings:
        name = "project_time_entries"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("task_id", ASCENDING), ("date", DESCENDING)]),
        ]
