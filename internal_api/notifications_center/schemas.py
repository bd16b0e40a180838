from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from shared.models.notification import Notification


class NotificationCreate(BaseModel):
    """What other code asks `service.notify` for."""

    kind: Annotated[str, Field(min_length=1, max_length=64)]
    title: Annotated[str, Field(min_length=1, max_length=200)]
    body: Annotated[str, Field(max_length=2000)] = ""
    link: Annotated[str, Field(max_length=2048)] | None = None


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
        return cls(
            id=str(notification.id),
            **notification.model_dump(include={"kind", "title", "body", "link"}),
            read_at=notification.read_at,
            created_at=notification.created_at,
        )


class UnreadCount(BaseModel):
    count: int


class MarkedRead(BaseModel):
    """How many notifications this call marked read."""

    count: int
