from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field, HttpUrl, field_validator

from shared.models.webhook_delivery import DeliveryAttempt, DeliveryStatus, WebhookDelivery
from shared.models.webhook_subscription import WebhookEventType, WebhookSubscription

WebhookUrl = Annotated[HttpUrl, Field(max_length=2000)]
# Each type once, in the order given.
EventTypes = Annotated[
    list[WebhookEventType],
    Field(min_length=1, max_length=50),
    AfterValidator(lambda types: list(dict.fromkeys(types))),
]
Description = Annotated[str, Field(max_length=500)]
MAX_OVERLAP_SECONDS = 7 * 24 * 3600


class SubscriptionCreate(BaseModel):
    url: WebhookUrl
    event_types: EventTypes
    description: Description = ""
    enabled: bool = True


class SubscriptionUpdate(BaseModel):
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


class SecretRotation(BaseModel):
    overlap_seconds: int = Field(
        24 * 3600,
        ge=0,
        le=MAX_OVERLAP_SECONDS,
        description="how long deliveries stay signed with the old secret too",
    )


class SubscriptionRead(BaseModel):
    id: str
    url: str
    event_types: list[WebhookEventType]
    description: str
    enabled: bool
    disabled_reason: str | None
    previous_secret_expires_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, subscription: WebhookSubscription) -> "SubscriptionRead":
        return cls.model_validate(subscription.model_dump(mode="json"))


class SubscriptionWithSecret(SubscriptionRead):
    """Answered once, when the endpoint is made and when its secret is rotated."""

    secret: str = Field(description="`whsec_...`: the key deliveries are signed with")

    @classmethod
    def of_new(cls, subscription: WebhookSubscription, secret: str) -> "SubscriptionWithSecret":
        return cls.model_validate({**subscription.model_dump(mode="json"), "secret": secret})


class DeliveryRead(BaseModel):
    id: str
    subscription_id: str
    event_id: str
    event_type: str
    payload: dict[str, Any]
    status: DeliveryStatus
    attempts: list[DeliveryAttempt]
    next_attempt_at: datetime | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def of(cls, delivery: WebhookDelivery) -> "DeliveryRead":
        return cls.model_validate(delivery.model_dump(mode="json"))
