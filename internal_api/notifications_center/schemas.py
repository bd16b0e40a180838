from datetime import datetime

from pydantic import BaseModel

from shared.models.notification import Notification


class NotificationRead(BaseModel):
    id: str
    kind: str
    title: str
    body: str
    link: str | None
    read_at: datetime | None
    created_at: datetime

    @classmethod
    def of(cls, notification: Notification) -> "NotificationRead":
        return cls.model_validate(notification.as_event())


class UnreadCount(BaseModel):
    count: int


class MarkedRead(BaseModel):
    """How many notifications this call marked read."""

    count: int
