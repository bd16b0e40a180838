"""Every query the integration framework makes of its own collections."""

from collections.abc import Iterable

from pymongo.errors import DuplicateKeyError

from shared.models.integration_webhook_receipt import IntegrationWebhookReceipt


class ReceiptRepository:
    """One provider's webhook receipts: which of its event ids were received already."""

    def __init__(self, provider: str) -> None:
        self.provider = provider

    async def record(self, event_id: str, event_type: str) -> bool:
        """False when the event was received before (its unique receipt exists)."""
        receipt = IntegrationWebhookReceipt(
            provider=self.provider, event_id=event_id, event_type=event_type
        )
        try:
            await receipt.insert()
        except DuplicateKeyError:
            return False
        return True

    async def forget(self, event_ids: Iterable[str]) -> None:
        await IntegrationWebhookReceipt.find(
            {"provider": self.provider, "event_id": {"$in": list(event_ids)}}
        ).delete()
