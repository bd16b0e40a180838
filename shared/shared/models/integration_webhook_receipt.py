"""A third-party webhook event the external API has accepted, by the provider's own event id.

The unique `(provider, event_id)` index is what makes receiving idempotent: a provider sending
an event again (they retry until they see a 2xx) finds its receipt and is answered 200 without
the event being handed to the queue a second time.
"""

from pymongo import ASCENDING, IndexModel

from shared.models.base import BaseDocument


class IntegrationWebhookReceipt(BaseDocument):
    provider: str
    event_id: str
    event_type: str = ""

    class Settings:
        name = "integration_webhook_receipts"
        indexes = [
            IndexModel([("provider", ASCENDING), ("event_id", ASCENDING)], unique=True),
        ]
