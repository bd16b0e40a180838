"""Webhook endpoints, events and deliveries for tests, and a receiver on a real port."""

import secrets
import uuid
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse
from starlette.routing import Route

from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.webhook_delivery import WebhookDelivery
from shared.models.webhook_subscription import WebhookEventType, WebhookSubscription
from shared.utilities.encryption import SecretBox, development_encryption_key


def new_secret() -> str:
    return f"whsec_{secrets.token_urlsafe(32)}"


def secret_box() -> SecretBox:
    """What the services seal and open secrets with in embedded mode (and tests)."""
    return SecretBox.from_keys([development_encryption_key("webhooks")])


def secret_of(subscription: WebhookSubscription) -> str:
    return secret_box().open(subscription.sealed_secret)


async def create_subscription(
    account: Account, secret: str | None = None, **overrides
) -> WebhookSubscription:
    """An endpoint signing with `secret` (a new one by default), stored sealed."""
    fields = {
        "account_id": account.id,
        "url": "https://hooks.example.com/platform",
        "event_types": [WebhookEventType.CONTACT_CREATED],
        "sealed_secret": secret_box().seal(secret or new_secret()),
    }
    return await WebhookSubscription(**{**fields, **overrides}).insert()


def create_event(account: Account, **overrides) -> dict[str, Any]:
    """A platform event as `publish_event` sends it to hooks.dispatch."""
    fields = {
        "id": f"evt_{uuid.uuid4().hex}",
        "type": "contact.created",
        "account_id": str(account.id),
        "created_at": utc_now().isoformat(),
        "data": {"id": "c1", "first_name": "Grace"},
    }
    return {**fields, **overrides}


async def create_delivery(subscription: WebhookSubscription, **overrides) -> WebhookDelivery:
    event = create_event(Account.model_construct(id=subscription.account_id))
    fields = {
        "account_id": subscription.account_id,
        "subscription_id": subscription.id,
        "event_id": event["id"],
        "event_type": event["type"],
        "payload": {name: event[name] for name in ("id", "type", "created_at", "data")},
    }
    return await WebhookDelivery(**{**fields, **overrides}).insert()


@dataclass(frozen=True)
class Received:
    path: str
    headers: dict[str, str]
    body: bytes


@dataclass
class Receiver:
    """A customer's endpoint: answers the statuses given in turn (200 once they are used up)
    and keeps every request it gets."""

    statuses: list[int] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)

    async def receive(self, request: Request) -> PlainTextResponse:
        self.received.append(
            Received(request.url.path, dict(request.headers), await request.body())
        )
        status = self.statuses.pop(0) if self.statuses else 200
        return PlainTextResponse("ok" if status < 400 else "endpoint broken", status_code=status)

    def app(self) -> Starlette:
        return Starlette(routes=[Route("/{path:path}", self.receive, methods=["POST"])])
