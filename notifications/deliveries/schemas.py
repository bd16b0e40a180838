from datetime import datetime

from pydantic import BaseModel, EmailStr, Field

from notifications.templates.schemas import EVENT_PATTERN, Scalar, VariableName
from shared.models.notification_delivery import DeliveryStatus, NotificationDelivery, StatusChange
from shared.models.notification_template import Channel

E164 = r"^\+[1-9]\d{6,14}$"


class DeliveryCreate(BaseModel):
    to: str = Field(description="the recipient's address on the channel")
    event: str = Field(pattern=EVENT_PATTERN, description="whose template is rendered")
    data: dict[VariableName, Scalar] = Field(
        {}, max_length=100, description="the template's variables"
    )
    user_id: str | None = Field(
        None, description="the recipient's user id: their preferences and quiet hours apply"
    )
    urgent: bool = Field(False, description="sent through the recipient's quiet hours")
    account_id: str | None = Field(
        None, description="the account it is sent for; service callers only (users: theirs)"
    )


class EmailCreate(DeliveryCreate):
    to: EmailStr


class SmsCreate(DeliveryCreate):
    to: str = Field(pattern=E164, description="E.164 phone number, +14155550100")


class PushCreate(DeliveryCreate):
    to: str = Field(min_length=1, max_length=4096, description="FCM token or Expo push token")


class DeliveryRead(BaseModel):
    id: str
    channel: Channel
    event: str
    user_id: str | None
    to: str
    subject: str
    text: str
    html: str
    data: dict[str, str]
    marketing: bool
    sensitive: bool  # its body holds a secret, so it is not shown
    urgent: bool
    status: DeliveryStatus
    reason: str
    send_after: datetime | None
    attempts: int
    provider: str
    provider_message_id: str | None
    history: list[StatusChange]
    requested_by: str
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, delivery: NotificationDelivery) -> "DeliveryRead":
        hidden = {"text", "html", "data"} if delivery.sensitive else set()
        fields = delivery.model_dump(exclude={"id", "account_id", "headers", *hidden})
        return cls.model_validate(
            {"text": "", "html": "", "data": {}, **fields, "id": str(delivery.id)}
        )
