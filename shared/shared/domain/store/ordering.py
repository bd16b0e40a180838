"""A sub-account orders one of its agency's products: the order stored once per key, charged
off-session to the sub-account's saved card in the agency's connected Stripe account (the
platform's own when it has none, as in embedded mode), and once paid its fulfilment opened: a
project in the agency's account for the work, and the due date. A declined card leaves the
order `payment_failed` and raises CardDeclined; ordering again with the key tries again, with
the provider's next idempotency key, while a try whose outcome was lost (a timeout) is made
again with the same one, so the card is charged once."""

from datetime import datetime, timedelta

from beanie import PydanticObjectId

from shared.domain.billing.repository import connected_account_of
from shared.domain.onebalance.errors import CardDeclined, CardRequired
from shared.domain.payments import repository as payments
from shared.domain.payments.customers import PLATFORM
from shared.domain.payments.provider import PaymentProvider, PaymentResult
from shared.domain.projects.projects import open_project
from shared.domain.projects.repository import delete_opened_project
from shared.domain.store import repository
from shared.domain.store.errors import ProductUnavailable
from shared.models.account import Account
from shared.models.project import Project
from shared.models.store_order import OrderStatus, StoreOrder
from shared.models.store_product import StoreProduct
from shared.utilities import db


async def live_product(agency_id: object, product_id: str) -> StoreProduct:
    product = await repository.ProductRepository(str(agency_id)).find_by_id(product_id)
    if product is None or not product.active:
        raise ProductUnavailable()
    return product


async def place_order(
    provider: PaymentProvider, client: Account, product_id: str, key: str, now: datetime
) -> StoreOrder:
    product = await live_product(client.agency_id, product_id)
    order = await stored_order(client, product, key)
    if order.status not in (OrderStatus.PENDING_PAYMENT, OrderStatus.PAYMENT_FAILED):
        return order  # ordered before: paid, or past that
    result = await charge(provider, client, order)
    if not result.succeeded:
        message = result.failure_message or CardDeclined.message
        await repository.record_decline(order, message)
        raise CardDeclined(message)
    await paid(order, product, client, result.reference, now)
    assert client.id is not None and order.id is not None
    return await repository.OrderRepository(client.id).get(order.id)


async def stored_order(client: Account, product: StoreProduct, key: str) -> StoreOrder:
    order = StoreOrder(
        account_id=client.id,
        agency_id=client.agency_id,
        key=key,
        product_id=product.id,
        product_name=product.name,
        amount=product.price,
        currency=product.currency,
    )
    if await repository.insert_order(order):
        return order
    existing = await repository.OrderRepository(client.id).by_key(key)
    assert existing is not None, "the key clashed with a stored order"
    return existing


async def charge(provider: PaymentProvider, client: Account, order: StoreOrder) -> PaymentResult:
    connected = await connected_account_of(client.agency_id)
    customer = await payments.payment_customer(client.id, provider.name, connected or PLATFORM)
    if customer is None or not customer.default_payment_method:
        await repository.record_decline(order, CardRequired.message)
        raise CardRequired()
    await order.set({"provider": provider.name, "connected_account": connected})
    return await provider.charge_off_session(
        customer.customer_id,
        customer.default_payment_method,
        order.amount,
        order.currency,
        idempotency_key=f"store-order:{order.id}:{order.declines}",
        description=order.product_name,
        connected_account=connected,
        metadata={"store_order_id": str(order.id)},
    )


async def paid(
    order: StoreOrder, product: StoreProduct, client: Account, reference: str, now: datetime
) -> None:
    """The order paid and, by the try that made it so, its fulfilment opened: the agency's
    project for the work. Both or neither (one transaction; undone without one): an order
    paid whose project was never opened would stay so, as the next try finds it paid."""
    due_at = now + timedelta(days=product.fulfilment_days)
    fields = {"payment_reference": reference, "paid_at": now, "due_at": due_at}
    project = Project(
        id=PydanticObjectId(),
        account_id=client.agency_id,
        name=f"{product.name} for {client.name}",
        description=f"Store order {order.id} of {client.name}.",
    )

    async def undo() -> None:
        await delete_opened_project(project)
        await repository.unclaim_paid(order, fields)

    try:
        async with db.transaction(undo=undo):
            if not await repository.claim_paid(order, fields):
                return
            await open_project(project)
            await order.set({"project_id": project.id})
    except Exception as error:
        if db.conflicted(error) and await repository.is_paid(order):
            return  # another try paid it meanwhile, and opens its fulfilment
        raise
