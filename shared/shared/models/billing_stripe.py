"""The one way a Stripe object lands in the billing collections, for the sync (external API)
and the webhook handler (queue manager) alike."""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId

from shared.models.billing_charge import BillingCharge
from shared.models.billing_customer import BillingCustomer
from shared.models.billing_record import BillingRecord, upsert_stripe_object
from shared.models.billing_subscription import BillingSubscription

# Stripe's `object` field to the collection keeping its copies.
BILLING_MODELS: dict[str, type[BillingRecord]] = {
    "customer": BillingCustomer,
    "subscription": BillingSubscription,
    "charge": BillingCharge,
}


async def store_stripe_object(
    account_id: PydanticObjectId,
    stripe_account_id: str,
    stripe_object: dict[str, Any],
    observed_at: datetime,
    deleted: bool = False,
) -> bool:
    """Stores a customer, subscription or charge; False for another kind of object (nothing is
    kept of it) and for a view older than the stored one."""
    model = BILLING_MODELS.get(stripe_object.get("object", ""))
    if model is None:
        return False
    fields = model.fields_of(stripe_object)
    if deleted and model is BillingCustomer:
        fields["deleted"] = True
    return await upsert_stripe_object(model, account_id, stripe_account_id, fields, observed_at)
