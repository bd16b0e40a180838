"""One notification to one recipient on one channel, and what became of it (the delivery log).

Stored `queued` by the request that asks for it and sent in the background; the provider's
message id is kept so its status webhooks find the delivery again. A push to a user is one
delivery fanned out to each of their devices (`devices`), each with its own outcome; a push Expo
took is confirmed later by its push receipt, asked for with the device's ticket id
(`provider_message_id`) once `receipt_due_at` comes.
"""

from datetime import datetime
from enum import StrEnum

from beanie import PydanticObjectId
from pydantic import BaseModel, Field
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument, utc_now
from shared.models.notification_template import Channel
from shared.models.push_device import PushKind


class DeliveryStatus(StrEnum):
    QUEUED = "queued"  # waiting for its send
    DEFERRED = "deferred"  # held until the recipient's quiet hours end (`send_after`)
    SUPPRESSED = "suppressed"  # not sent: the recipient's preferences say no (`reason`)
    SENT = "sent"  # the provider accepted it
    DELIVERED = "delivered"  # the provider reports it reached the recipient
    FAILED = "failed"  # refused by the provider, undeliverable, or retries used up
    BOUNCED = "bounced"
    OPENED = "opened"
    CLICKED = "clicked"
    UNSUBSCRIBED = "unsubscribed"
    SPAM_REPORT = "spam_report"


# Nothing more is sent for these.
FINAL_STATUSES = frozenset(DeliveryStatus) - {DeliveryStatus.QUEUED, DeliveryStatus.DEFERRED}


class StatusChange(BaseModel):
    status: DeliveryStatus
    at: datetime = Field(default_factory=utc_now)
    detail: str = ""  # the provider's word, or why


class DevicePush(BaseModel):
    """A push to a user, at one of their devices (`shared.models.push_device`)."""

    device_id: PydanticObjectId
    kind: PushKind  # which provider sends it
    token: str
    name: str = ""
    # queued, then sent or failed; once a provider's receipt confirms a send, delivered
    status: DeliveryStatus = DeliveryStatus.QUEUED
    provider: str = ""
    provider_message_id: str | None = None  # Expo: the ticket id its receipt is asked for with
    reason: str = ""  # why it failed (the provider's message included), or is unconfirmed
    sent_at: datetime | None = None
    # When the provider's receipt for the send is next asked for; None when none is awaited.
    receipt_due_at: datetime | None = None

    def settle(self, status: DeliveryStatus, reason: str = "") -> None:
        self.status, self.reason = status, reason


class EmailAttachment(BaseModel):
    """A file sent with an email (a booking's calendar invitation)."""

    filename: str
    content_type: str
    content: str  # base64


class NotificationDelivery(TenantDocument):
    channel: Channel
    event: str
    user_id: str | None = None  # the recipient, when a user (their preferences apply)
    contact_id: str | None = None  # the recipient, when one of the account's contacts
    to: str  # email address, E.164 phone number, or push token; "" for a user's devices
    subject: str = ""
    text: str
    html: str = ""
    data: dict[str, str] = {}  # push: the payload the app receives
    from_name: str = ""  # email: the sender's name, the account's brand by default
    headers: dict[str, str] = {}  # email: extra headers (List-Unsubscribe)
    attachments: list[EmailAttachment] = []  # email: files sent with it
    marketing: bool = False
    # Holds a secret (a reset link): the log never shows the body, which is erased once final.
    sensitive: bool = False
    urgent: bool = False  # sent through quiet hours
    status: DeliveryStatus = DeliveryStatus.QUEUED
    reason: str = ""  # why it was suppressed or failed, the provider's message included
    send_after: datetime | None = None  # deferred until then
    attempts: int = 0
    provider: str = ""  # "sendgrid", "twilio", "fcm", "expo", "outbox"
    provider_message_id: str | None = None
    # A push to a user: each of their devices when it was asked for. Its status is `sent` once
    # one of them has taken it, `failed` when none did.
    devices: list[DevicePush] = []
    history: list[StatusChange] = []
    # Who asked: a user id, or a service's name.
    requested_by: str = ""

    def record(self, status: DeliveryStatus, detail: str = "") -> None:
        self.status = status
        self.history.append(StatusChange(status=status, detail=detail))
        if self.sensitive and status in FINAL_STATUSES:
            # Nothing will send it again: a secret it carries need not be kept.
            self.text, self.html, self.data = "", "", {}

    class Settings:
        name = "notification_deliveries"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            # The log filtered by status, newest first.
            IndexModel(
                [("account_id", ASCENDING), ("status", ASCENDING), ("created_at", DESCENDING)]
            ),
            # Status webhooks find a delivery by the provider's message id.
            IndexModel([("provider", ASCENDING), ("provider_message_id", ASCENDING)]),
            # The sweep releasing deferred deliveries whose quiet hours are over.
            IndexModel([("status", ASCENDING), ("send_after", ASCENDING)]),
            # The poll of the push receipts that are due.
            IndexModel([("devices.receipt_due_at", ASCENDING)]),
        ]
