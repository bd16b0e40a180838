from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, Field, HttpUrl, field_validator

from shared.models.webhook_delivery import DeliveryAttempt, DeliveryStatus
from shared.models.webhook_subscription import WebhookEventType
from shared.utilities.schemas import DocumentRead, IdStr, WriteModel

WebhookUrl = Annotated[HttpUrl, Field(max_length=2000)]
# Each type once, in the order given.
EventTypes = Annotated[
    list[WebhookEventType],
    Field(min_length=1, max_length=50),
    AfterValidator(lambda types: list(dict.fromkeys(types))),
]
Description = Annotated[str, Field(max_length=500)]
MAX_OVERLAP_SECONDS = 7 * 24 * 3600


class SubscriptionCreate(WriteModel):
    url: WebhookUrl
    event_types: EventTypes
    description: Description = ""
    enabled: bool = True


class SubscriptionUpdate(WriteModel):
    """Only the fields sent change. Switching an endpoint back on clears why it was off."""

    url: WebhookUrl | None = None
    event_types: EventTypes | None = None
    description: Description | None = None
    enabled: bool | None = None

    # Runs only on fields sent.
    @field_validator("url", "event_types", "description", "enabled")
    @classmethod
    def not_null(cls, value: Any) -> Any:
        if value is None:
            raise ValueError("cannot be null")
        return value


class SecretRotation(WriteModel):
    overlap_seconds: int = Field(
        24 * 3600,
        ge=0,
        le=MAX_OVERLAP_SECONDS,
        description="how long deliveries stay signed with the old secret too",
    )


class SubscriptionRead(DocumentRead):
    url: str
    event_types: list[WebhookEventType]
    description: str
    enabled: bool
    disabled_reason: str | None
    previous_secret_expires_at: datetime | None


class SubscriptionWithSecret(SubscriptionRead):
    """Answered once, when the endpoint is made and when its secret is rotated."""

    secret: str = Field(description="`whsec_...`: the key deliveries are signed with")


class DeliveryRead(DocumentRead):
    subscription_id: IdStr
    event_id: str
    event_type: str
    payload: dict[str, Any]
    status: DeliveryStatus
    attempts: list[DeliveryAttempt]
    next_attempt_at: datetime | None
