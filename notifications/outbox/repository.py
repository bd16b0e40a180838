"""What the account's notifications would have been, with no provider configured."""

from beanie import PydanticObjectId

from shared.models.notification_outbox import OutboxMessage
from shared.utilities.repository import TenantRepository


class OutboxRepository(TenantRepository[OutboxMessage]):
    noun = "Outbox message"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(OutboxMessage, account_id)
