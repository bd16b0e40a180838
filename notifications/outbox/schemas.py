from shared.models.notification_delivery import EmailAttachment
from shared.models.notification_template import Channel
from shared.utilities.schemas import DocumentRead, IdStr


class OutboxMessageRead(DocumentRead):
    delivery_id: IdStr
    channel: Channel
    instead_of: str
    to: str
    subject: str
    text: str
    html: str
    data: dict[str, str]
    headers: dict[str, str]
    attachments: list[EmailAttachment]
