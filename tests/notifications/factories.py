"""Factories for notification documents: `create_x(account, **overrides)` stores one."""

import asyncio

from beanie import PydanticObjectId

from shared.models.account import Account
from shared.models.membership import Role
from shared.models.notification_delivery import DeliveryStatus, NotificationDelivery
from shared.models.notification_preference import NotificationPreference
from shared.models.notification_template import Channel, NotificationTemplate
from shared.models.user import User
from shared.utilities.auth import Principal, TokenKind, authenticator_for, service_token
from shared.utilities.settings import ServiceSettings
from tests.factories import create_membership, create_user, user_token


async def create_account_user(account: Account, role: Role = Role.MEMBER, **overrides) -> User:
    """A user of the account: a recipient users may send to."""
    user = await create_user(**overrides)
    await create_membership(account, user, role)
    return user


async def create_template(account: Account, **overrides) -> NotificationTemplate:
    fields = {
        "account_id": account.id,
        "event": "newsletter",
        "channel": Channel.EMAIL,
        "subject": "News from {{ brand.name }}",
        "text": "Hello {{ first_name }}",
        "html": "<p>Hello {{ first_name }}</p>",
    }
    return await NotificationTemplate(**{**fields, **overrides}).insert()


async def create_preference(account: Account, user_id: str, **overrides) -> NotificationPreference:
    fields = {"account_id": account.id, "user_id": user_id}
    return await NotificationPreference(**{**fields, **overrides}).insert()


async def create_delivery(account: Account, **overrides) -> NotificationDelivery:
    """A queued email, as a request would have stored it."""
    fields = {
        "account_id": account.id,
        "channel": Channel.EMAIL,
        "event": "new_lead",
        "to": "owner@example.com",
        "subject": "New lead: Grace",
        "text": "Grace just came in from the website.",
        "status": DeliveryStatus.QUEUED,
    }
    return await NotificationDelivery(**{**fields, **overrides}).insert()


def headers_for(
    account: Account,
    *scopes: str,
    user_id: str = "650000000000000000000001",
    owner_verified: bool = True,
) -> dict[str, str]:
    """A user of the account holding `scopes` (notifications:read and :write by default), its
    owner's email confirmed unless told."""
    principal = Principal(
        kind=TokenKind.USER,
        sub=user_id,
        account_id=str(account.id),
        scopes=list(scopes or ("notifications:read", "notifications:write")),
        owner_verified=owner_verified,
    )
    return {"authorization": f"Bearer {user_token(principal)}"}


def service_headers(name: str = "internal_api") -> dict[str, str]:
    """What another service sends: its own service token, addressed to notifications."""
    token = service_token(authenticator_for(ServiceSettings()), name, "notifications")
    return {"authorization": f"Bearer {token}"}


async def settled(delivery_id: str, leaving: str = "queued") -> NotificationDelivery:
    """The delivery once its background send has moved it out of `leaving`."""
    for _ in range(1000):
        delivery = await NotificationDelivery.get(PydanticObjectId(delivery_id))
        if delivery.status != leaving:
            return delivery
        await asyncio.sleep(0.01)
    raise AssertionError(f"delivery {delivery_id} stayed {leaving}")


# The variables of the new-lead template, as a send gives them.
LEAD = {"lead_name": "Grace Hopper", "source": "the website", "lead_url": "https://x.test/l/1"}
