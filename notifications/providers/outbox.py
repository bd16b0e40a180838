"""The provider of a platform with no provider keys (embedded mode): what would have been sent
is stored in the outbox collection, for GET /v1/notifications/outbox to show."""

from dataclasses import asdict

from beanie import PydanticObjectId

from notifications.providers.base import EmailMessage, ProviderReceipt, PushMessage, SmsMessage
from shared.models.notification_outbox import OutboxMessage
from shared.models.notification_template import Channel

NAME = "outbox"


class OutboxProvider:
    """Stands in for one channel's provider (`instead_of` names it)."""

    name = NAME

    def __init__(self, channel: Channel, instead_of: str) -> None:
        self.channel = channel
        self.instead_of = instead_of

    async def send(self, message: EmailMessage | SmsMessage | PushMessage) -> ProviderReceipt:
        fields = asdict(message)
        reference = fields.pop("reference")
        if "title" in fields:
            fields["subject"] = fields.pop("title")
        fields.pop("from_name", None)
        stored = await OutboxMessage(
            account_id=PydanticObjectId(reference["account_id"]),
            delivery_id=PydanticObjectId(reference["delivery_id"]),
            channel=self.channel,
            instead_of=self.instead_of,
            **fields,
        ).insert()
        return ProviderReceipt(NAME, str(stored.id))
