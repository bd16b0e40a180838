"""Every query of the webhooks module: an account's endpoints and their delivery logs."""

from beanie import PydanticObjectId

from shared.models.webhook_delivery import WebhookDelivery
from shared.models.webhook_subscription import WebhookSubscription
from shared.utilities.repository import TenantRepository, object_id


class EndpointRepository(TenantRepository[WebhookSubscription]):
    noun = "Webhook endpoint"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(WebhookSubscription, account_id)


class DeliveryRepository(TenantRepository[WebhookDelivery]):
    noun = "Delivery"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(WebhookDelivery, account_id)

    async def of_endpoint(
        self, endpoint_id: PydanticObjectId, delivery_id: str
    ) -> WebhookDelivery | None:
        oid = object_id(delivery_id)
        return await self.find_one({"_id": oid, "subscription_id": endpoint_id}) if oid else None

    async def delete_of_endpoint(self, endpoint_id: PydanticObjectId) -> None:
        await WebhookDelivery.find(self.scoped({"subscription_id": endpoint_id})).delete()
