"""An account's outgoing webhook: a URL the platform POSTs the events it subscribed to.

Deliveries are signed with its secret (and, until `previous_secret_expires_at`, also with the
secret it replaced, so receivers can switch over without missing one). Secrets are stored sealed
with WEBHOOK_ENCRYPTION_KEYS (`shared.utilities.encryption.SecretBox`): internal_api seals them,
the queue manager opens them to sign. An endpoint that keeps
failing is switched off with `disabled_reason`.
"""

from datetime import datetime
from enum import StrEnum

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class WebhookEventType(StrEnum):
    """The platform events an endpoint can subscribe to."""

    CONTACT_CREATED = "contact.created"
    CONTACT_UPDATED = "contact.updated"
    CONTACT_DELETED = "contact.deleted"
    DEAL_CREATED = "deal.created"
    DEAL_STAGE_CHANGED = "deal.stage_changed"
    MESSAGE_CREATED = "message.created"
    FORM_SUBMITTED = "form.submitted"
    DOCUMENT_SIGNED = "document.signed"
    TASK_CREATED = "task.created"
    TASK_UPDATED = "task.updated"
    TASK_COMPLETED = "task.completed"
    BOOKING_CREATED = "booking.created"
    BOOKING_CANCELLED = "booking.cancelled"
    INVOICE_PAID = "invoice.paid"
    INVOICE_REFUNDED = "invoice.refunded"
    REVIEW_CREATED = "review.created"
    REVIEW_UPDATED = "review.updated"
    REVIEW_REPLIED = "review.replied"


class WebhookSubscription(TenantDocument):
    url: str
    event_types: list[WebhookEventType]
    description: str = ""
    enabled: bool = True
    # Why the platform switched it off (its deliveries kept failing); cleared when re-enabled.
    disabled_reason: str | None = None
    sealed_secret: str  # `whsec_...`, sealed
    sealed_previous_secret: str | None = None
    previous_secret_expires_at: datetime | None = None

    class Settings:
        name = "webhook_subscriptions"
        use_state_management = True
        indexes = [
            IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
            # Fan-out of an event: the account's enabled endpoints subscribed to its type.
            IndexModel([("account_id", ASCENDING), ("event_types", ASCENDING)]),
        ]
