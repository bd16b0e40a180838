"""The one way a Square object lands in the Square billing collections, for the sync (external
API) and the webhook handler (queue manager) alike: a copy keyed on `(account_id, square_id)`,
never an older view over a newer one (Square's own `updated_at` decides), with the fields each
collection keeps read as Square's API reference documents the object. Amounts stay in the
`Money` object's minor units with its currency."""

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from typing import Any

from beanie import PydanticObjectId

from shared.domain.billing.repository import upsert_square_object
from shared.models.square_catalog_item import SquareCatalogItem
from shared.models.square_customer import SquareCustomer
from shared.models.square_payment import SquarePayment
from shared.models.square_record import SquareRecord

Fields = Callable[[dict[str, Any]], dict[str, Any]]


class SquareKind(StrEnum):
    """What is copied, by the name Square's webhooks give it in `data.type`."""

    CUSTOMER = "customer"
    PAYMENT = "payment"
    CATALOG_ITEM = "catalog_item"


def square_time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def money(value: dict[str, Any] | None) -> tuple[int | None, str | None]:
    if not value:
        return None, None
    return int(value["amount"]), value.get("currency")


def customer_fields(customer: dict[str, Any]) -> dict[str, Any]:
    return {
        "given_name": customer.get("given_name"),
        "family_name": customer.get("family_name"),
        "company_name": customer.get("company_name"),
        "email_address": customer.get("email_address"),
        "phone_number": customer.get("phone_number"),
        "square_created_at": square_time(customer.get("created_at")),
    }


def payment_fields(payment: dict[str, Any]) -> dict[str, Any]:
    amount, currency = money(payment.get("amount_money"))
    refunded, _ = money(payment.get("refunded_money"))
    return {
        "amount": amount or 0,
        "currency": currency or "",
        "refunded_amount": refunded or 0,
        "status": payment.get("status") or "",
        "source_type": payment.get("source_type"),
        "customer_square_id": payment.get("customer_id"),
        "location_id": payment.get("location_id"),
        "order_id": payment.get("order_id"),
        "receipt_url": payment.get("receipt_url"),
        "square_created_at": square_time(payment.get("created_at")),
    }


def variation_of(variation: dict[str, Any]) -> dict[str, Any]:
    data = variation.get("item_variation_data") or {}
    amount, currency = money(data.get("price_money"))
    return {
        "square_id": variation["id"],
        "name": data.get("name"),
        "pricing_type": data.get("pricing_type"),
        "price_amount": amount,
        "currency": currency,
    }


def catalog_item_fields(item: dict[str, Any]) -> dict[str, Any]:
    data = item.get("item_data") or {}
    return {
        "name": data.get("name"),
        "description": data.get("description"),
        "version": int(item.get("version") or 0),
        "variations": [variation_of(variation) for variation in data.get("variations") or []],
        "deleted": bool(item.get("is_deleted")),
    }


COLLECTIONS: dict[SquareKind, tuple[type[SquareRecord], Fields]] = {
    SquareKind.CUSTOMER: (SquareCustomer, customer_fields),
    SquareKind.PAYMENT: (SquarePayment, payment_fields),
    SquareKind.CATALOG_ITEM: (SquareCatalogItem, catalog_item_fields),
}


async def store_square_object(
    account_id: PydanticObjectId,
    merchant_id: str,
    kind: SquareKind,
    square_object: dict[str, Any],
    deleted: bool = False,
) -> bool:
    """True when the copy was written; False when the stored one is as new or newer."""
    model, fields_of = COLLECTIONS[kind]
    fields = fields_of(square_object)
    if deleted:
        fields["deleted"] = True
    updated_at = square_time(square_object.get("updated_at") or square_object.get("created_at"))
    if updated_at is None:
        raise ValueError(f"a Square {kind} without its updated_at")
    fields |= {"square_id": square_object["id"], "merchant_id": merchant_id}
    return await upsert_square_object(model, account_id, fields, updated_at)
