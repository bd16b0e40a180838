"""The account's connected Stripe account: its customers, subscriptions and charges copied into
the billing collections, read back from there; Connect webhooks handed to the queue manager.

Calls act on the connected account with the platform's secret key, naming the account in
`Stripe-Account`. Its id is asked of Stripe once with the connection's own token, and kept.
"""

from collections.abc import Mapping
from typing import TypeVar

from beanie import PydanticObjectId

from external_api.integrations.framework.runtime import Integrations
from external_api.integrations.framework.webhooks import BadSignature, BodyReader, receive
from external_api.integrations.stripe.client import StripeClient
from external_api.integrations.stripe.repository import BillingRecordRepository
from external_api.integrations.stripe.schemas import ConnectedAccountRead, SyncRead
from external_api.integrations.stripe.webhooks import ConnectWebhooks
from shared.domain.billing.stripe_objects import store_stripe_object
from shared.models.base import utc_now
from shared.models.billing_record import BillingRecord
from shared.models.stripe_token import StripeToken
from shared.utilities.errors import ServiceUnavailable
from shared.utilities.pagination import Page, PageParams

NAME = "stripe"
RecordT = TypeVar("RecordT", bound=BillingRecord)
# What the sync lists, and how: every subscription, not only the active ones (Stripe's default).
SYNCED: tuple[tuple[str, dict[str, str]], ...] = (
    ("customers", {}),
    ("subscriptions", {"status": "all"}),
    ("charges", {}),
)


async def stripe_account_id(integrations: Integrations, account_id: str) -> str:
    credential: StripeToken = await integrations.store(NAME).connected(account_id)
    if not credential.external_id:
        account = await integrations.connected_http(NAME, account_id).json("GET", "account")
        credential.external_id = account["id"]
        credential.label = business_name(account) or ""
        await credential.save()
    return credential.external_id


def business_name(account: dict) -> str | None:
    return (account.get("business_profile") or {}).get("name") or account.get("email")


async def client_for(integrations: Integrations, account_id: str) -> StripeClient:
    secret_key = integrations.settings.stripe.secret_key.get_secret_value()
    if not secret_key:
        raise ServiceUnavailable("Stripe is not configured: set EXTERNAL_API_STRIPE_SECRET_KEY.")
    connected = await stripe_account_id(integrations, account_id)
    return StripeClient(integrations.http[NAME], secret_key, connected)


async def connected_account(integrations: Integrations, account_id: str) -> ConnectedAccountRead:
    account = await (await client_for(integrations, account_id)).account()
    return ConnectedAccountRead(
        id=account["id"],
        business_name=business_name(account),
        email=account.get("email"),
        country=account.get("country"),
        default_currency=account.get("default_currency"),
        charges_enabled=bool(account.get("charges_enabled")),
        payouts_enabled=bool(account.get("payouts_enabled")),
    )


async def sync(integrations: Integrations, account_id: str) -> SyncRead:
    """Every customer, subscription and charge, as Stripe lists them now. A copy a webhook
    brought while the sync ran is newer than this view and is kept."""
    client = await client_for(integrations, account_id)
    observed_at = utc_now()
    owner = PydanticObjectId(account_id)
    counts = {}
    for path, params in SYNCED:
        stored = 0
        async for stripe_object in client.every(path, params):
            stored += await store_stripe_object(
                owner, client.stripe_account_id, stripe_object, observed_at
            )
        counts[path] = stored
    return SyncRead(**counts)


async def list_records(model: type[RecordT], account_id: str, params: PageParams) -> Page[RecordT]:
    return await BillingRecordRepository(model, account_id).paginate(params)


async def receive_event(
    integrations: Integrations,
    headers: Mapping[str, str],
    read_body: BodyReader,
    platform: bool = False,
) -> dict[str, int]:
    """A Connect event (from a connected account), or with `platform` one of the platform's own
    account (each endpoint has its own signing secret at Stripe)."""
    settings = integrations.settings.stripe
    chosen = settings.platform_webhook_secret if platform else settings.webhook_secret
    secret = chosen.get_secret_value()
    if not secret:
        raise BadSignature("Stripe webhooks are not configured here.")
    return await receive(
        ConnectWebhooks(secret, settings.webhook_tolerance_seconds), headers, read_body
    )
