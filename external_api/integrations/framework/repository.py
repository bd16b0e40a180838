"""Every query the integration framework makes: the accounts' credentials and the webhook
receipts."""

from collections.abc import Iterable

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.models.integration_credential import IntegrationCredential
from shared.models.integration_webhook_receipt import IntegrationWebhookReceipt
from shared.utilities.repository import TenantRepository


class CredentialRepository(TenantRepository[IntegrationCredential]):
    """An account's credential for one provider (its own collection)."""

    def __init__(
        self, model: type[IntegrationCredential], account_id: str | PydanticObjectId
    ) -> None:
        super().__init__(model, account_id)

    async def the_credential(self) -> IntegrationCredential | None:
        """The account's one credential (a unique index), if it connected the provider."""
        return await self.find_one({})


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
