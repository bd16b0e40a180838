import base64
import binascii
from datetime import datetime
from typing import Annotated, Self

from pydantic import EmailStr, Field, field_validator, model_validator

from notifications.templates.schemas import EVENT_PATTERN, Scalar, VariableName
from shared.models.notification_delivery import DeliveryStatus, StatusChange
from shared.models.notification_template import Channel
from shared.models.push_device import PushKind
from shared.utilities.schemas import DocumentRead, IdStr, ReadModel, WriteModel

E164 = r"^\+[1-9]\d{6,14}$"
# An attachment's content in base64: some 256 KB of file.
MAX_ATTACHMENT_CHARS = 350_000
Id = Annotated[str, Field(min_length=1, max_length=64)]


class DeliveryCreate(WriteModel):
    """One recipient: a user of the account (`user_id`), one of its contacts (`contact_id`),
    or, for the platform's services, an address (`to`, with the `user_id` it belongs to when
    there is one)."""

    to: str | None = Field(None, description="an address on the channel: services only")
    user_id: Id | None = Field(
        None, description="a user of the account: their address, preferences and quiet hours"
    )
    contact_id: Id | None = Field(None, description="one of the account's contacts")
    event: str = Field(pattern=EVENT_PATTERN, description="whose template is rendered")
    data: dict[VariableName, Scalar] = Field(
        {}, max_length=100, description="the template's variables (its `required_variables`)"
    )
    urgent: bool = Field(False, description="sent through the recipient's quiet hours")
    account_id: str | None = Field(
        None, description="the account it is sent for; services only (users: their active one)"
    )


class AttachmentCreate(WriteModel):
    filename: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._ -]{0,99}$")]
    content_type: Annotated[str, Field(pattern=r"^[a-z]+/[a-z0-9.+-]+(; ?[a-z-]+=[A-Za-z0-9-]+)*$")]
    content: Annotated[str, Field(min_length=1, max_length=MAX_ATTACHMENT_CHARS)] = Field(
        description="base64"
    )

    @field_validator("content")
    @classmethod
    def is_base64(cls, content: str) -> str:
        try:
            base64.b64decode(content, validate=True)
        except binascii.Error:
            raise ValueError("not base64") from None
        return content


class EmailCreate(DeliveryCreate):
    to: EmailStr | None = None
    template_id: Id | None = Field(
        None,
        description="an email template of the library (`/v1/templates`, kind `email`) sent "
        "instead of the event's, its merge fields filled from `data`",
    )
    attachments: list[AttachmentCreate] = Field(
        [], max_length=5, description="files sent with the email (a calendar invitation)"
    )


class SmsCreate(DeliveryCreate):
    to: Annotated[str, Field(pattern=E164)] | None = Field(
        None, description="E.164 phone number, +14155550100: services only"
    )


class PushCreate(DeliveryCreate):
    to: Annotated[str, Field(min_length=1, max_length=4096)] | None = Field(
        None, description="FCM token or Expo push token: services only"
    )


class DevicePushRead(ReadModel):
    """One device of a push to a user. Its token is not shown: it is the device's address."""

    device_id: IdStr
    kind: PushKind
    name: str
    status: DeliveryStatus
    provider: str
    provider_message_id: str | None
    reason: str


class AttachmentRead(ReadModel):
    """An attachment named, its content not shown."""

    filename: str
    content_type: str


class DeliveryRead(DocumentRead):
    channel: Channel
    event: str
    user_id: str | None
    contact_id: str | None
    to: str
    subject: str
    text: str
    html: str
    data: dict[str, str]
    attachments: list[AttachmentRead]
    marketing: bool
    sensitive: bool = Field(description="its body holds a secret, so it is not shown")
    urgent: bool
    status: DeliveryStatus
    reason: str
    send_after: datetime | None
    attempts: int
    provider: str
    provider_message_id: str | None
    devices: list[DevicePushRead] = Field(
        description="a push to a user: each of their devices, with its outcome (`to` is empty)"
    )
    history: list[StatusChange]
    requested_by: IdStr

    @model_validator(mode="after")
    def hide_secrets(self) -> Self:
        if self.sensitive:
            self.text, self.html, self.data = "", "", {}
        return self
