"""/v1/store: the agency's products and its clients' orders to fulfil; a sub-account's store
(its agency's products), its orders, and its checkout links for its own customers."""

from typing import Annotated

from fastapi import APIRouter, Query

from internal_api.payments import Payments
from internal_api.store import service
from internal_api.store.auth import StoreAdmin, StoreRead, StoreWork
from internal_api.store.schemas import (
    CatalogueItemRead,
    FulfilmentUpdate,
    OfferCreate,
    OfferRead,
    OrderCreate,
    OrderRead,
    ProductCreate,
    ProductRead,
    ProductUpdate,
    RefundCreate,
)
from shared.domain.accounts.users import NotAccountUsers
from shared.domain.onebalance.errors import CardDeclined, CardRequired
from shared.domain.payments.errors import PaymentMethodRefused, PaymentProviderFailed
from shared.domain.store.catalogue import CatalogueItem
from shared.domain.store.errors import (
    OrderNotPaid,
    ProductUnavailable,
    RefundTooLarge,
    UnknownCatalogueItem,
)
from shared.models.consumer_offer import ConsumerOffer
from shared.models.store_order import OrderStatus, StoreOrder
from shared.models.store_product import StoreProduct
from shared.utilities.errors import SIGNED_IN, InvalidInput, NotFound, error_responses
from shared.utilities.pagination import Page, Paging

router = APIRouter(prefix="/v1/store", tags=["store"])

PAYMENT_ERRORS = (CardRequired, CardDeclined, PaymentMethodRefused, PaymentProviderFailed)


@router.get(
    "/catalogue",
    response_model=list[CatalogueItemRead],
    summary="The platform's catalogue an agency may resell",
    responses=error_responses(*SIGNED_IN),
)
async def read_catalogue(principal: StoreRead) -> list[CatalogueItem]:
    return service.the_catalogue()


@router.post(
    "/products",
    status_code=201,
    response_model=ProductRead,
    summary="List a product in the agency's store",
    description="Its own, or a `catalogue_item` of the platform's, at the agency's price.",
    responses=error_responses(*SIGNED_IN, UnknownCatalogueItem, InvalidInput),
)
async def create_product(body: ProductCreate, principal: StoreAdmin) -> StoreProduct:
    return await service.create_product(principal, body)


@router.get(
    "/products",
    response_model=Page[ProductRead],
    summary="The agency's products, live or not",
    responses=error_responses(*SIGNED_IN),
)
async def list_products(principal: StoreAdmin, paging: Paging) -> Page[StoreProduct]:
    return await service.list_products(principal, paging)


@router.patch(
    "/products/{product_id}",
    response_model=ProductRead,
    summary="Change a product, or take it off the store (`active: false`)",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def update_product(
    product_id: str, body: ProductUpdate, principal: StoreAdmin
) -> StoreProduct:
    return await service.update_product(principal, product_id, body)


@router.get(
    "/listings",
    response_model=Page[ProductRead],
    summary="The store as a sub-account sees it: its agency's live products",
    responses=error_responses(*SIGNED_IN),
)
async def listings(
    principal: StoreRead,
    paging: Paging,
    tag: Annotated[str | None, Query(max_length=40, description="only those tagged so")] = None,
) -> Page[StoreProduct]:
    return await service.listings(principal, paging, tag)


@router.post(
    "/orders",
    status_code=201,
    response_model=OrderRead,
    summary="Order a product of the agency's store",
    description="Charged to the account's saved card at once (402 `card_declined` leaves "
    "the order `payment_failed`; ordering again with the same `key` tries again, and an "
    "order paid is answered as it is). Once paid, the agency's project for it is opened.",
    responses=error_responses(*SIGNED_IN, ProductUnavailable, *PAYMENT_ERRORS),
)
async def place_order(body: OrderCreate, principal: StoreAdmin, payments: Payments) -> StoreOrder:
    return await service.place_order(principal, payments, body)


@router.get(
    "/orders",
    response_model=Page[OrderRead],
    summary="The account's orders",
    responses=error_responses(*SIGNED_IN),
)
async def list_orders(principal: StoreRead, paging: Paging) -> Page[StoreOrder]:
    return await service.list_orders(principal, paging)


@router.get(
    "/orders/{order_id}",
    response_model=OrderRead,
    summary="One of the account's orders, with its fulfilment",
    responses=error_responses(*SIGNED_IN, NotFound),
)
async def read_order(order_id: str, principal: StoreRead) -> StoreOrder:
    return await service.get_order(principal, order_id)


@router.get(
    "/fulfilment",
    response_model=Page[OrderRead],
    summary="The orders the agency's sub-accounts placed, to fulfil",
    responses=error_responses(*SIGNED_IN),
)
async def fulfilment_list(
    principal: StoreWork,
    paging: Paging,
    status: Annotated[OrderStatus | None, Query()] = None,
) -> Page[StoreOrder]:
    return await service.fulfilment_list(principal, paging, status)


@router.patch(
    "/fulfilment/{order_id}",
    response_model=OrderRead,
    summary="Track an order's fulfilment: status, assignee, due date",
    responses=error_responses(*SIGNED_IN, NotFound, OrderNotPaid, NotAccountUsers),
)
async def track_order(order_id: str, body: FulfilmentUpdate, principal: StoreWork) -> StoreOrder:
    return await service.track_order(principal, order_id, body)


@router.post(
    "/fulfilment/{order_id}/refunds",
    response_model=OrderRead,
    summary="Refund an order, in part or whole",
    description="Through the provider it was paid with; sent again with the same `key` it "
    "refunds once.",
    responses=error_responses(*SIGNED_IN, NotFound, OrderNotPaid, RefundTooLarge, *PAYMENT_ERRORS),
)
async def refund_order(
    order_id: str, body: RefundCreate, principal: StoreAdmin, payments: Payments
) -> StoreOrder:
    return await service.refund_order(principal, payments, order_id, body)


@router.post(
    "/offers",
    status_code=201,
    response_model=OfferRead,
    summary="Make a checkout link for the account's own customers",
    description="Buyers pay at `/v1/store/public/checkout/{token}`; each purchase lands as a "
    "contact, a deal won on the stage given, and an invoice.",
    responses=error_responses(*SIGNED_IN, NotFound, InvalidInput),
)
async def create_offer(body: OfferCreate, principal: StoreAdmin) -> ConsumerOffer:
    return await service.create_offer(principal, body)


@router.get(
    "/offers",
    response_model=Page[OfferRead],
    summary="The account's checkout links",
    responses=error_responses(*SIGNED_IN),
)
async def list_offers(principal: StoreAdmin, paging: Paging) -> Page[ConsumerOffer]:
    return await service.list_offers(principal, paging)
