"""A sub-account orders one of its agency's products: the order stored once per key, charged
off-session to the sub-account's saved card in the agency's connected Stripe account (the
platform's own when it has none, as in embedded mode), and once paid its fulfilment opened: a
project in the agency's account for the work, and the due date. A declined card leaves the
order `payment_failed` (ordering again with the key tries again) and raises CardDeclined."""

from datetime import datetime, timedelta

from shared.domain.billing.repository import connected_account_of
from shared.domain.onebalance.errors import CardDeclined, CardRequired
from shared.domain.payments import repository as payments
from shared.domain.payments.customers import PLATFORM
from shared.domain.payments.provider import PaymentProvider, PaymentResult
from shared.domain.projects.projects import open_project
from shared.domain.store import repository
from shared.domain.store.errors import ProductUnavailable
from shared.models.account import Account
from shared.models.project import Project
from shared.models.store_order import OrderStatus, StoreOrder
from shared.models.store_product import StoreProduct


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
    if (
        order.status is not OrderStatus.PENDING_PAYMENT
        and order.status is not OrderStatus.PAYMENT_FAILED
    ):
        return order  # ordered before: paid, or past that
    attempt = await repository.start_attempt(order)
    if attempt is None:
        return await repository.OrderRepository(client.id).get(order.id)
    result = await charge(provider, client, order, attempt)
    if not result.succeeded:
        message = result.failure_message or CardDeclined.message
        await order.set({"status": OrderStatus.PAYMENT_FAILED, "failure": message})
        raise CardDeclined(message)
    return await paid(order, product, client, result.reference, now)


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


async def charge(
    provider: PaymentProvider, client: Account, order: StoreOrder, attempt: int
) -> PaymentResult:
    connected = await connected_account_of(client.agency_id)
    customer = await payments.payment_customer(client.id, provider.name, connected or PLATFORM)
    if customer is None or not customer.default_payment_method:
        await order.set({"status": OrderStatus.PAYMENT_FAILED, "failure": CardRequired.message})
        raise CardRequired()
    await order.set({"provider": provider.name, "connected_account": connected})
    return await provider.charge_off_session(
        customer.customer_id,
        customer.default_payment_method,
        order.amount,
        order.currency,
        idempotency_key=f"store-order:{order.id}:{attempt}",
        description=order.product_name,
        connected_account=connected,
        metadata={"store_order_id": str(order.id)},
    )


async def paid(
    order: StoreOrder, product: StoreProduct, client: Account, reference: str, now: datetime
) -> StoreOrder:
    """The order paid, and its fulfilment opened: the agency's project for the work."""
    project, _ = await open_project(
        Project(
            account_id=client.agency_id,
            name=f"{product.name} for {client.name}",
            description=f"Store order {order.id} of {client.name}.",
        )
    )
    await order.set(
        {
            "status": OrderStatus.PAID,
            "payment_reference": reference,
            "failure": None,
            "paid_at": now,
            "due_at": now + timedelta(days=product.fulfilment_days),
            "project_id": project.id,
        }
    )
    return order
