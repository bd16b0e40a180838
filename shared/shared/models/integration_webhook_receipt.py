"""A third-party webhook event the external API has accepted, by the provider's own event id.

The unique `(provider, event_id)` index is what makes receiving idempotent: a provider sending
an event again (they retry until they see a 2xx) finds its receipt and is answered 200 without
the event being handed to the queue a second time. Receipts outlive every provider's retries
(days at most) and are then removed by MongoDB (a TTL index).
"""

from pymongo import ASCENDING, IndexModel

from shared.models.base import BaseDocument

RECEIPT_DAYS = 30


class IntegrationWebhookReceipt(BaseDocument):
    provider: str
    event_id: str
    event_type: str = ""

    class Settings:
        name = "integration_webhook_receipts"
        indexes = [
            IndexModel([("provider", ASCENDING), ("event_id", ASCENDING)], unique=True),
            IndexModel([("created_at", ASCENDING)], expireAfterSeconds=RECEIPT_DAYS * 24 * 3600),
        ]
