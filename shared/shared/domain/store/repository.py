"""Every query of the store's collections: an agency's products and its sub-accounts' orders,
a sub-account's own orders and offers, an offer by its public token, a purchase by id."""

from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.models.account import Account
from shared.models.consumer_invoice import ConsumerInvoice
from shared.models.consumer_offer import ConsumerOffer
from shared.models.consumer_purchase import ConsumerPurchase, PurchaseStatus
from shared.models.store_order import OrderStatus, StoreOrder, StoreRefund
from shared.models.store_product import StoreProduct
from shared.utilities.repository import OwnedRepository, TenantRepository


class ProductRepository(TenantRepository[StoreProduct]):
    noun = "Store product"
    sortable = frozenset({"created_at", "name", "price"})

    def __init__(self, agency_id: str | PydanticObjectId) -> None:
        super().__init__(StoreProduct, agency_id)


class OrderRepository(TenantRepository[StoreOrder]):
    """A sub-account's own orders."""

    noun = "Order"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(StoreOrder, account_id)

    async def by_key(self, key: str) -> StoreOrder | None:
        return await self.find_one({"key": key})


class FulfilmentRepository(OwnedRepository[StoreOrder]):
    """The orders an agency's sub-accounts placed with it."""

    noun = "Order"

    def __init__(self, agency_id: str | PydanticObjectId) -> None:
        super().__init__(StoreOrder, "agency_id", agency_id)


class OfferRepository(TenantRepository[ConsumerOffer]):
    noun = "Offer"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ConsumerOffer, account_id)


class PurchaseRepository(TenantRepository[ConsumerPurchase]):
    noun = "Purchase"

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(ConsumerPurchase, account_id)


async def insert_order(order: StoreOrder) -> bool:
    """Whether this stored it: False when the account has an order with its key."""
    try:
        await order.insert()
    except DuplicateKeyError:
        return False
    return True


UNPAID = [OrderStatus.PENDING_PAYMENT.value, OrderStatus.PAYMENT_FAILED.value]


async def record_decline(order: StoreOrder, message: str) -> None:
    """A declined attempt: the next one is made with the next key."""
    await StoreOrder.find_one({"_id": order.id, "status": {"$in": UNPAID}}).update(
        {
            "$inc": {"declines": 1},
            "$set": {"status": OrderStatus.PAYMENT_FAILED.value, "failure": message},
        }
    )


async def claim_paid(order: StoreOrder, fields: dict[str, Any]) -> bool:
    """Whether this call made the unpaid order paid (of two tries that both charged it with one
    key, one opens its fulfilment)."""
    result = await StoreOrder.find_one({"_id": order.id, "status": {"$in": UNPAID}}).update(
        {"$set": {**fields, "status": OrderStatus.PAID.value, "failure": None}}
    )
    return bool(result and result.modified_count == 1)


async def is_paid(order: StoreOrder) -> bool:
    return (
        await StoreOrder.find_one({"_id": order.id, "status": OrderStatus.PAID.value}) is not None
    )


async def unclaim_paid(order: StoreOrder, fields: dict[str, Any]) -> None:
    """The order as it was before `claim_paid` made it paid with `fields` (while its project is
    not opened): what the paying try did not finish is undone for the next try to make."""
    await StoreOrder.find_one(
        {
            "_id": order.id,
            "status": OrderStatus.PAID.value,
            "payment_reference": fields["payment_reference"],
            "project_id": None,
        }
    ).update(
        {
            "$set": {
                **{name: None for name in fields},
                "status": order.status.value,
                "failure": order.failure,
            }
        }
    )


async def record_refund(order: StoreOrder, refund: StoreRefund) -> bool:
    """Whether this recorded it (once per refund key, never past the amount paid)."""
    query = {
        "_id": order.id,
        "refunds.key": {"$ne": refund.key},
        "amount_refunded": {"$lte": order.amount - refund.amount},
    }
    result = await StoreOrder.find_one(query).update(
        {"$push": {"refunds": refund.model_dump()}, "$inc": {"amount_refunded": refund.amount}}
    )
    return bool(result and result.modified_count == 1)


async def offer_by_token(token: str) -> ConsumerOffer | None:
    return await ConsumerOffer.find_one({"token": token, "active": True})


async def purchase_by_id(purchase_id: PydanticObjectId) -> ConsumerPurchase | None:
    return await ConsumerPurchase.find_one({"_id": purchase_id})


async def offer_by_id(offer_id: PydanticObjectId) -> ConsumerOffer | None:
    return await ConsumerOffer.find_one({"_id": offer_id})


async def set_purchase(purchase: ConsumerPurchase, fields: dict[str, Any]) -> None:
    await ConsumerPurchase.find_one({"_id": purchase.id}).update({"$set": fields})


async def mark_purchase_paid(purchase: ConsumerPurchase, fields: dict[str, Any]) -> bool:
    """Whether this call made the pending purchase paid."""
    result = await ConsumerPurchase.find_one(
        {"_id": purchase.id, "status": PurchaseStatus.PENDING.value}
    ).update({"$set": {**fields, "status": PurchaseStatus.PAID.value}})
    return bool(result and result.modified_count == 1)


async def insert_invoice(invoice: ConsumerInvoice) -> ConsumerInvoice:
    """The purchase's invoice: this one, or the one stored for it before."""
    try:
        return await invoice.insert()
    except DuplicateKeyError:
        found = await ConsumerInvoice.find_one({"purchase_id": invoice.purchase_id})
        assert found is not None, "the key clashed with a stored invoice"
        return found


async def account_of(account_id: PydanticObjectId) -> Account | None:
    return await Account.find_one({"_id": account_id})
