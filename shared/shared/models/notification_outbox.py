"""What would have been sent, when no provider is configured (embedded mode): the outbox.

A person trying the platform reads it at GET /v1/notifications/outbox instead of an inbox.
"""

from beanie import PydanticObjectId
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument
from shared.models.notification_delivery import EmailAttachment
from shared.models.notification_template import Channel


class OutboxMessage(TenantDocument):
    delivery_id: PydanticObjectId
    channel: Channel
    to: str
    subject: str = ""
    text: str
    html: str = ""
    data: dict[str, str] = {}
    headers: dict[str, str] = {}
    attachments: list[EmailAttachment] = []
    # The provider a configured platform would have used ("sendgrid", ...), for reference.
    instead_of: str

    class Settings:
        name = "notification_outbox"
        use_state_management = True
        indexes = [IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)])]
