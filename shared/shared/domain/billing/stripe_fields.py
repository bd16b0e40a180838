"""The fields each billing collection keeps of a Stripe object, read as Stripe's API reference
documents it. Amounts stay in the object's minor units; times are Unix seconds, kept as UTC."""

from datetime import UTC, datetime
from typing import Any

from shared.models.billing_subscription import SubscriptionItem


def stripe_id_of(value: str | dict[str, Any] | None) -> str | None:
    """A reference to another Stripe object: its id, or the whole object when expanded."""
    return value["id"] if isinstance(value, dict) else value


def from_timestamp(value: int | None) -> datetime | None:
    return datetime.fromtimestamp(value, UTC) if value is not None else None


def customer_fields(customer: dict[str, Any]) -> dict[str, Any]:
    """A customer object (or a deleted customer's stub)."""
    return {
        "stripe_id": customer["id"],
        "livemode": customer.get("livemode", False),
        "email": customer.get("email"),
        "name": customer.get("name"),
        "phone": customer.get("phone"),
        "currency": customer.get("currency"),
        "balance": customer.get("balance") or 0,
        "deleted": bool(customer.get("deleted")),
        "stripe_created_at": from_timestamp(customer.get("created")),
        "metadata": customer.get("metadata") or {},
    }


def subscription_fields(subscription: dict[str, Any]) -> dict[str, Any]:
    items = (subscription.get("items") or {}).get("data") or []
    # Since API version 2025-03-31 the period is on each item rather than the subscription.
    first = items[0] if items else {}
    return {
        "stripe_id": subscription["id"],
        "livemode": subscription.get("livemode", False),
        "customer_stripe_id": stripe_id_of(subscription.get("customer")) or "",
        "status": subscription["status"],
        "currency": subscription.get("currency"),
        "items": [item_of(item).model_dump() for item in items],
        "cancel_at_period_end": bool(subscription.get("cancel_at_period_end")),
        "current_period_start": from_timestamp(
            subscription.get("current_period_start", first.get("current_period_start"))
        ),
        "current_period_end": from_timestamp(
            subscription.get("current_period_end", first.get("current_period_end"))
        ),
        "canceled_at": from_timestamp(subscription.get("canceled_at")),
        "stripe_created_at": from_timestamp(subscription.get("created")),
        "metadata": subscription.get("metadata") or {},
    }


def item_of(item: dict[str, Any]) -> SubscriptionItem:
    price = item.get("price") or {}
    recurring = price.get("recurring") or {}
    return SubscriptionItem(
        stripe_id=item["id"],
        price_id=price.get("id"),
        product_id=stripe_id_of(price.get("product")),
        unit_amount=price.get("unit_amount"),
        currency=price.get("currency"),
        interval=recurring.get("interval"),
        interval_count=recurring.get("interval_count"),
        quantity=item.get("quantity") or 1,
    )


def charge_fields(charge: dict[str, Any]) -> dict[str, Any]:
    return {
        "stripe_id": charge["id"],
        "livemode": charge.get("livemode", False),
        "customer_stripe_id": stripe_id_of(charge.get("customer")),
        "amount": charge["amount"],
        "amount_captured": charge.get("amount_captured") or 0,
        "amount_refunded": charge.get("amount_refunded") or 0,
        "currency": charge["currency"],
        "status": charge["status"],
        "paid": bool(charge.get("paid")),
        "refunded": bool(charge.get("refunded")),
        "description": charge.get("description"),
        "failure_code": charge.get("failure_code"),
        "payment_intent_id": stripe_id_of(charge.get("payment_intent")),
        "stripe_created_at": from_timestamp(charge.get("created")),
    }
