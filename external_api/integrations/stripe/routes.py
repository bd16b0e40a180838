from typing import Annotated

from fastapi import APIRouter, Depends, Request

from external_api.integrations.framework.dependencies import (
    IntegrationsDep,
    IntegrationsReader,
    IntegrationsWriter,
)
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
from shared.utilities.auth import Principal, requires
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

BillingReader = Annotated[Principal, Depends(requires("billing:read"))]
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
    integrations: IntegrationsDep, principal: IntegrationsReader
) -> ConnectedAccountRead:
    return await service.connected_account(integrations, principal.account_id)


@router.post(
    "/sync",
    summary="Copy the connected account's customers, subscriptions and charges",
    description="Lists each from Stripe in full; webhooks keep the copies current afterwards.",
    responses=error_responses(*STRIPE_ERRORS),
)
async def sync(integrations: IntegrationsDep, principal: IntegrationsWriter) -> SyncRead:
    return await service.sync(integrations, principal.account_id)


@router.get("/customers", summary="The copied customers", responses=LIST_ERRORS)
async def list_customers(principal: BillingReader, paging: Paging) -> Page[CustomerRead]:
    page = await service.list_records(BillingCustomer, principal.account_id, paging)
    return Page[CustomerRead](
        data=[CustomerRead.of(c) for c in page.data], pagination=page.pagination
    )


@router.get("/subscriptions", summary="The copied subscriptions", responses=LIST_ERRORS)
async def list_subscriptions(principal: BillingReader, paging: Paging) -> Page[SubscriptionRead]:
    page = await service.list_records(BillingSubscription, principal.account_id, paging)
    data = [SubscriptionRead.of(subscription) for subscription in page.data]
    return Page[SubscriptionRead](data=data, pagination=page.pagination)


@router.get("/charges", summary="The copied charges", responses=LIST_ERRORS)
async def list_charges(principal: BillingReader, paging: Paging) -> Page[ChargeRead]:
    page = await service.list_records(BillingCharge, principal.account_id, paging)
    return Page[ChargeRead](data=[ChargeRead.of(c) for c in page.data], pagination=page.pagination)


@router.post(
    "/webhooks/connect",
    summary="Stripe's Connect webhook: changes in connected accounts",
    description="Signed (`Stripe-Signature`, within the tolerance); each event id is handed on "
    "once, a repeat acknowledged without effect.",
    responses=error_responses(BadSignature, InvalidInput, PayloadTooLarge),
)
async def receive_event(integrations: IntegrationsDep, request: Request) -> dict[str, int]:
    return await service.receive_event(integrations, request.headers, request.body)
