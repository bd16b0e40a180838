"""One event sent to one webhook endpoint, with every attempt made: the endpoint's delivery log.

One per (event, endpoint), so an event fanned out twice is delivered once.
"""

from datetime import datetime
from enum import StrEnum
from typing import Any

from beanie import PydanticObjectId
from pydantic import BaseModel
from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class DeliveryStatus(StrEnum):
    PENDING = "pending"  # not tried yet, or failed with retries left
    DELIVERED = "delivered"  # the endpoint answered 2xx
    FAILED = "failed"  # every attempt failed
    HELD = "held"  # its account is suspended: sent once it is active again


class DeliveryAttempt(BaseModel):
    at: datetime
    response_code: int | None = None  # None when no answer came (refused, timed out)
    duration_ms: float
    error: str | None = None  # what went wrong, or the start of a non-2xx answer's body
    manual: bool = False  # a redelivery asked for by the account


class WebhookDelivery(TenantDocument):
    subscription_id: PydanticObjectId
    event_id: str
    event_type: str
    # The JSON body POSTed: {id, type, created_at, data}.
    payload: dict[str, Any]
    status: DeliveryStatus = DeliveryStatus.PENDING
    attempts: list[DeliveryAttempt] = []
    next_attempt_at: datetime | None = None
    # How often it was held while its account was not active (each release's attempt is a
    # task of its own).
    holds: int = 0

    class Settings:
        name = "webhook_deliveries"
        use_state_management = True
        indexes = [
            IndexModel([("event_id", ASCENDING), ("subscription_id", ASCENDING)], unique=True),
            # The retry sweep: pending deliveries whose next attempt is due.
            IndexModel([("status", ASCENDING), ("next_attempt_at", ASCENDING)]),
            IndexModel(
                [
                    ("account_id", ASCENDING),
                    ("subscription_id", ASCENDING),
                    ("created_at", DESCENDING),
                ]
            ),
        ]
