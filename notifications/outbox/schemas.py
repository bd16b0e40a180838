from datetime import datetime

from pydantic import BaseModel

from shared.models.notification_outbox import OutboxMessage
from shared.models.notification_template import Channel


class OutboxMessageRead(BaseModel):
    id: str
    delivery_id: str
    channel: Channel
    instead_of: str
    to: str
    subject: str
    text: str
    html: str
    data: dict[str, str]
    headers: dict[str, str]
    created_at: datetime

    @classmethod
    def of(cls, message: OutboxMessage) -> "OutboxMessageRead":
        return cls.model_validate(
            {
                **message.model_dump(exclude={"id", "delivery_id", "account_id"}),
                "id": str(message.id),
                "delivery_id": str(message.delivery_id),
            }
        )
