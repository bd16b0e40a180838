"""The store for the signed-in account: an agency's products and the fulfilment of its
sub-accounts' orders; a sub-account's view of its agency's products, its orders and its
checkout links; the consumers' public checkout. Another agency's product or order, and
another account's offer, answer 404."""

from typing import Any

from internal_api.accounts.repository import account
from internal_api.crm.pipelines.repository import PipelineRepository
from internal_api.store.schemas import (
    CheckoutCreate,
    CheckoutRead,
    FulfilmentUpdate,
    OfferCreate,
    OrderCreate,
    ProductCreate,
    ProductUpdate,
    RefundCreate,
)
from shared.domain.payments.money import currency_code
from shared.domain.payments.provider import PaymentProvider
from shared.domain.store import checkout, fulfilment, ordering, refunds
from shared.domain.store.catalogue import CATALOGUE, CatalogueItem, catalogue_item
from shared.domain.store.checkout import CheckoutOrigin
from shared.domain.store.repository import (
    FulfilmentRepository,
    OfferRepository,
    OrderRepository,
    ProductRepository,
)
from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.consumer_offer import ConsumerOffer
from shared.models.store_order import StoreOrder
from shared.models.store_product import StoreProduct
from shared.utilities.auth import Principal
from shared.utilities.errors import InvalidInput, NotFound
from shared.utilities.pagination import Page, PageParams


def the_catalogue() -> list[CatalogueItem]:
    return list(CATALOGUE.values())


def checked_currency(code: str) -> str:
    try:
        return currency_code(code)
    except ValueError as error:
        details = [{"field": "currency", "message": "an ISO 4217 code"}]
        raise InvalidInput(str(error), details=details) from None


async def create_product(principal: Principal, body: ProductCreate) -> StoreProduct:
    fields: dict[str, Any] = {}
    if body.catalogue_item:
        item = catalogue_item(body.catalogue_item)
        fields = {
            "catalogue_item": item.key,
            "name": item.name,
            "description": item.description,
            "tags": list(item.tags),
            "fulfilment_days": item.fulfilment_days,
        }
    given = body.model_dump(exclude_none=True, exclude={"catalogue_item", "currency"}, mode="json")
    fields |= given
    if "name" not in fields:
        raise InvalidInput(details=[{"field": "name", "message": "a name, or a catalogue_item"}])
    fields["currency"] = checked_currency(body.currency)
    return await ProductRepository(principal.account_id).create(**fields)


async def list_products(principal: Principal, params: PageParams) -> Page[StoreProduct]:
    return await ProductRepository(principal.account_id).paginate(params)


async def update_product(
    principal: Principal, product_id: str, body: ProductUpdate
) -> StoreProduct:
    product = await ProductRepository(principal.account_id).get(product_id)
    changes = body.model_dump(exclude_none=True, mode="json")
    if changes:
        await product.set(changes)
    return product


async def listings(principal: Principal, params: PageParams, tag: str | None) -> Page[StoreProduct]:
    """The agency's live products, as its sub-account (or the agency itself) sees them."""
    agency_id = principal.agency_id or principal.account_id
    filters: dict[str, Any] = {"active": True, **({"tags": tag} if tag else {})}
    return await ProductRepository(agency_id).paginate(params, filters)


async def own_account(principal: Principal) -> Account:
    found = await account(principal.account_id)
    if found is None:
        raise NotFound("The account does not exist.")
    return found


async def place_order(
    principal: Principal, provider: PaymentProvider, body: OrderCreate
) -> StoreOrder:
    client = await own_account(principal)
    return await ordering.place_order(provider, client, body.product_id, body.key, utc_now())


async def list_orders(principal: Principal, params: PageParams) -> Page[StoreOrder]:
    return await OrderRepository(principal.account_id).paginate(params)


async def get_order(principal: Principal, order_id: str) -> StoreOrder:
    return await OrderRepository(principal.account_id).get(order_id)


async def fulfilment_list(
    principal: Principal, params: PageParams, status: str | None
) -> Page[StoreOrder]:
    filters = {"status": status} if status else {}
    return await FulfilmentRepository(principal.account_id).paginate(params, filters)


async def track_order(principal: Principal, order_id: str, body: FulfilmentUpdate) -> StoreOrder:
    order = await FulfilmentRepository(principal.account_id).get(order_id)
    changes = body.model_dump(exclude_unset=True)
    return await fulfilment.track(order, order.agency_id, changes, utc_now())


async def refund_order(
    principal: Principal, provider: PaymentProvider, order_id: str, body: RefundCreate
) -> StoreOrder:
    order = await FulfilmentRepository(principal.account_id).get(order_id)
    return await refunds.refund_order(
        provider, order, body.amount, body.reason, body.key, utc_now()
    )


async def create_offer(principal: Principal, body: OfferCreate) -> ConsumerOffer:
    await PipelineRepository(principal.account_id).get_stage(body.pipeline_id, body.stage_id)
    fields = body.model_dump(mode="json", exclude={"currency"})
    return await OfferRepository(principal.account_id).create(
        **fields, currency=checked_currency(body.currency), token=checkout.new_token()
    )


async def list_offers(principal: Principal, params: PageParams) -> Page[ConsumerOffer]:
    return await OfferRepository(principal.account_id).paginate(params)


async def start_checkout(
    provider: PaymentProvider, token: str, body: CheckoutCreate
) -> CheckoutRead:
    purchase, session = await checkout.start_checkout(
        provider, token, body.email, body.name, CheckoutOrigin.of(body.funnel_id, body.step_id)
    )
    return CheckoutRead(purchase_id=str(purchase.id), url=session.url)
