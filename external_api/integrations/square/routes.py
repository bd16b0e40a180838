"""/v1/e/square: the sync of the connected seller's customers, payments and catalog items, the
copies listed for billing readers, Square's webhook, and the queue manager's catalog re-read."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request

from external_api.integrations.framework.auth import BillingRead, IntegrationsWrite
from external_api.integrations.framework.dependencies import DocumentId, IntegrationsDep
from external_api.integrations.framework.errors import CONNECTED_CALL_ERRORS
from external_api.integrations.framework.webhooks import BadSignature
from external_api.integrations.square import service
from external_api.integrations.square.schemas import (
    SquareCatalogItemRead,
    SquareCustomerRead,
    SquarePaymentRead,
    SyncRead,
)
from shared.domain.billing.square_objects import SquareKind
from shared.models.square_catalog_item import SquareCatalogItem
from shared.models.square_customer import SquareCustomer
from shared.models.square_payment import SquarePayment
from shared.utilities.auth import Principal, requires_service
from shared.utilities.errors import (
    Forbidden,
    InvalidInput,
    NotFound,
    PayloadTooLarge,
    Unauthorized,
    UpstreamTimeout,
    error_responses,
)
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/e/square", tags=["square"])

QueueManager = Annotated[Principal, Depends(requires_service("queue_manager"))]
SYNC_ERRORS = error_responses(
    Unauthorized, Forbidden, NotFound, InvalidInput, UpstreamTimeout, *CONNECTED_CALL_ERRORS
)
LIST_ERRORS = error_responses(Unauthorized, Forbidden, InvalidInput)


@router.post(
    "/sync",
    summary="Read the connected seller's customers, payments and catalog items",
    description="Lists each from Square in full, a cursor page at a time; Square's webhooks "
    "keep the copies current afterwards.",
    responses=SYNC_ERRORS,
)
async def sync(integrations: IntegrationsDep, principal: IntegrationsWrite) -> SyncRead:
    return await service.sync(integrations, principal.account_id)


@router.get(
    "/customers",
    summary="The copied Square customers",
    response_model=Page[SquareCustomerRead],
    responses=LIST_ERRORS,
)
async def list_customers(principal: BillingRead, paging: Paging) -> Page[SquareCustomer]:
    return await service.list_records(SquareCustomer, principal.account_id, paging)


@router.get(
    "/payments",
    summary="The copied Square payments",
    response_model=Page[SquarePaymentRead],
    responses=LIST_ERRORS,
)
async def list_payments(principal: BillingRead, paging: Paging) -> Page[SquarePayment]:
    return await service.list_records(SquarePayment, principal.account_id, paging)


@router.get(
    "/catalog",
    summary="The copied Square catalog items, with their variations' prices",
    response_model=Page[SquareCatalogItemRead],
    responses=LIST_ERRORS,
)
async def list_catalog(principal: BillingRead, paging: Paging) -> Page[SquareCatalogItem]:
    return await service.list_records(SquareCatalogItem, principal.account_id, paging)


@router.post(
    "/webhooks/events",
    summary="Square's webhook: customers, payments and the catalog of connected sellers",
    description="Signed by Square (`x-square-hmacsha256-signature` over this URL and the "
    "body); an event id seen before is acknowledged again without being applied twice.",
    responses=error_responses(BadSignature, InvalidInput, PayloadTooLarge),
)
async def receive_event(integrations: IntegrationsDep, request: Request) -> dict[str, int]:
    return await service.receive_event(integrations, request.headers, request.body)


@router.post(
    "/accounts/{account_id}/catalog/sync",
    summary="Read the account's Square catalog again (the queue manager only)",
    description="Asked when Square's webhook says the seller's catalog changed.",
    responses=SYNC_ERRORS,
)
async def sync_catalog(
    integrations: IntegrationsDep, caller: QueueManager, account_id: DocumentId
) -> SyncRead:
    return await service.sync(integrations, account_id, (SquareKind.CATALOG_ITEM,))
