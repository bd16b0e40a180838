"""Every query of the payments layer: the test provider's objects, and the customers made for
accounts."""

from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.models.local_payment_object import LocalPaymentObject
from shared.models.payment_customer import PaymentCustomer


async def local_object(object_id: str) -> LocalPaymentObject | None:
    return await LocalPaymentObject.find_one({"object_id": object_id})


async def local_object_made_by(kind: str, idempotency_key: str) -> LocalPaymentObject | None:
    return await LocalPaymentObject.find_one({"kind": kind, "idempotency_key": idempotency_key})


async def insert_local_object(made: LocalPaymentObject) -> tuple[LocalPaymentObject, bool]:
    """The object stored, or the one its idempotency key made first; True when this call made
    it (two calls racing with one key make one object, as at Stripe)."""
    try:
        await made.insert()
    except DuplicateKeyError:
        first = await local_object_made_by(made.kind, made.idempotency_key)
        assert first is not None, "the key clashed with a stored object"
        return first, False
    return made, True


async def local_objects_of(kind: str, customer: str) -> list[LocalPaymentObject]:
    found = LocalPaymentObject.find({"kind": kind, "customer": customer})
    return await found.sort("created_at").to_list()


async def update_local_object(object_id: str, changes: dict[str, Any]) -> None:
    fields = {f"data.{name}": value for name, value in changes.items()}
    await LocalPaymentObject.find_one({"object_id": object_id}).update({"$set": fields})


async def payment_customer(
    account_id: PydanticObjectId, provider: str, connected_account: str
) -> PaymentCustomer | None:
    return await PaymentCustomer.find_one(
        {"account_id": account_id, "provider": provider, "connected_account": connected_account}
    )


async def insert_payment_customer(customer: PaymentCustomer) -> PaymentCustomer:
    """The stored customer, or the one another caller stored first for the same key."""
    try:
        await customer.insert()
    except DuplicateKeyError:
        first = await payment_customer(
            customer.account_id, customer.provider, customer.connected_account
        )
        assert first is not None, "the key clashed with a stored customer"
        return first
    return customer
