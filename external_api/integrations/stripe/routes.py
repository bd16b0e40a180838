from fastapi import APIRouter, Request

from external_api.integrations.framework.auth import (
    BillingRead,
    IntegrationsRead,
    IntegrationsWrite,
)
from external_api.integrations.framework.dependencies import IntegrationsDep
from external_api.integrations.framework.errors import (
    CONNECTED_CALL_ERRORS,
)
from external_api.integrations.framework.webhooks import BadSignature
from external_api.integrations.stripe import service
from external_api.integrations.stripe.schemas import (
    ChargeRead,
    ConnectedAccountRead,
    CustomerRead,
    SubscriptionRead,
    SyncRead,
)
from shared.models.billing_charge import BillingCharge
from shared.models.billing_customer import BillingCustomer
from shared.models.billing_subscription import BillingSubscription
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    PayloadTooLarge,
    ServiceUnavailable,
    Unauthorized,
    UpstreamTimeout,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/e/stripe", tags=["stripe"])

STRIPE_ERRORS = (
    Unauthorized,
    Forbidden,
    NotFound,
    InvalidInput,
    ServiceUnavailable,
    UpstreamTimeout,
    *CONNECTED_CALL_ERRORS,
)
LIST_ERRORS = error_responses(Unauthorized, Forbidden, InvalidInput)


@router.get(
    "/account",
    summary="The connected Stripe account",
    responses=error_responses(*STRIPE_ERRORS),
)
async def connected_account(
    integrations: IntegrationsDep, principal: IntegrationsRead
) -> ConnectedAccountRead:
    return await service.connected_account(integrations, principal.account_id)


@router.post(
    "/sync",
    summary="Copy the connected account's customers, subscriptions and charges",
    description="Lists each from Stripe in full; webhooks keep the copies current afterwards.",
    responses=error_responses(*STRIPE_ERRORS),
)
async def sync(integrations: IntegrationsDep, principal: IntegrationsWrite) -> SyncRead:
    return await service.sync(integrations, principal.account_id)


@router.get(
    "/customers",
    summary="The copied customers",
    response_model=Page[CustomerRead],
    responses=LIST_ERRORS,
)
async def list_customers(principal: BillingRead, paging: Paging) -> Page[BillingCustomer]:
    return await service.list_records(BillingCustomer, principal.account_id, paging)


@router.get(
    "/subscriptions",
    summary="The copied subscriptions",
    response_model=Page[SubscriptionRead],
    responses=LIST_ERRORS,
)
async def list_subscriptions(principal: BillingRead, paging: Paging) -> Page[BillingSubscription]:
    return await service.list_records(BillingSubscription, principal.account_id, paging)


@router.get(
    "/charges",
    summary="The copied charges",
    response_model=Page[ChargeRead],
    responses=LIST_ERRORS,
)
async def list_charges(principal: BillingRead, paging: Paging) -> Page[BillingCharge]:
    return await service.list_records(BillingCharge, principal.account_id, paging)


@router.post(
    "/webhooks/connect",
    summary="Stripe's Connect webhook: changes in connected accounts",
    description="Signed (`Stripe-Signature`, within the tolerance); each event id is handed on "
    "once, a repeat acknowledged without effect.",
    responses=error_responses(BadSignature, InvalidInput, PayloadTooLarge),
)
async def receive_event(integrations: IntegrationsDep, request: Request) -> dict[str, int]:
    return await service.receive_event(integrations, request.headers, request.body)


@router.post(
    "/webhooks/platform",
    summary="Stripe's webhook of the platform's own account: payments of its fee to agencies",
    description="Signed with this endpoint's own secret (`Stripe-Signature`, within the "
    "tolerance); each event id is handed on once, a repeat acknowledged without effect.",
    responses=error_responses(BadSignature, InvalidInput, PayloadTooLarge),
)
async def receive_platform_event(integrations: IntegrationsDep, request: Request) -> dict[str, int]:
    return await service.receive_event(integrations, request.headers, request.body, platform=True)
