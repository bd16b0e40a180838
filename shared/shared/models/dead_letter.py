"""A task that ran out of retries (or failed in a way no retry fixes), kept to be looked at and
sent again ("redriven") with the same name, arguments and task id.

One letter per task id: a redriven task that dies again updates its letter.
"""

from datetime import datetime
from typing import Any

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import BaseDocument


class DeadLetter(BaseDocument):
    task_id: str
    task_name: str
    kwargs: dict[str, Any]
    error: str
    attempts: int
    failed_at: datetime
    redriven_at: datetime | None = None

    class Settings:
        name = "dead_letters"
        use_state_management = True
        indexes = [
            IndexModel([("task_id", ASCENDING)], unique=True),
            IndexModel([("failed_at", DESCENDING)]),
        ]
