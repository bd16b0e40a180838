from datetime import datetime

from shared.utilities.schemas import IdStr, ReadModel


class NotificationRead(ReadModel):
    """As the notifications center answers it and the general socket pushes it
    (`Notification.as_event`)."""

    id: IdStr
    kind: str
    title: str
    body: str
    link: str | None
    read_at: datetime | None
    created_at: datetime


class UnreadCount(ReadModel):
    count: int


class MarkedRead(ReadModel):
    """How many notifications this call marked read."""

    count: int
