"""The one way a Stripe object lands in the billing collections, for the sync (external API)
and the webhook handler (queue manager) alike: a copy keyed on `(account_id, stripe_id)`, and
never an older view of an object over a newer one (a webhook delivered late, or a sync's page
read before a change its webhook already brought)."""

from collections.abc import Callable
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId

from shared.domain.billing.repository import upsert_stripe_object
from shared.domain.billing.stripe_fields import charge_fields, customer_fields, subscription_fields
from shared.models.billing_charge import BillingCharge
from shared.models.billing_customer import BillingCustomer
from shared.models.billing_record import BillingRecord
from shared.models.billing_subscription import BillingSubscription

Fields = Callable[[dict[str, Any]], dict[str, Any]]

# Stripe's `object` field to the collection keeping its copies, and the fields it keeps.
BILLING_COLLECTIONS: dict[str, tuple[type[BillingRecord], Fields]] = {
    "customer": (BillingCustomer, customer_fields),
    "subscription": (BillingSubscription, subscription_fields),
    "charge": (BillingCharge, charge_fields),
}


async def store_stripe_object(
    account_id: PydanticObjectId,
    stripe_account_id: str,
    stripe_object: dict[str, Any],
    observed_at: datetime,
    deleted: bool = False,
) -> bool:
    """Stores a customer, subscription or charge; False for another kind of object (nothing is
    kept of it) and for a view older than the stored one. `observed_at` is when Stripe's view
    was taken: the event's `created`, or the sync's start."""
    collection = BILLING_COLLECTIONS.get(stripe_object.get("object", ""))
    if collection is None:
        return False
    model, fields_of = collection
    fields = fields_of(stripe_object)
    if deleted and model is BillingCustomer:
        fields["deleted"] = True
    return await upsert_stripe_object(model, account_id, stripe_account_id, fields, observed_at)
