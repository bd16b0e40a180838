"""Every query of the billing domain."""

from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.models.base import utc_now
from shared.models.billing_record import BillingRecord
from shared.models.stripe_token import StripeToken


async def upsert_stripe_object(
    model: type[BillingRecord],
    account_id: PydanticObjectId,
    stripe_account_id: str,
    fields: dict[str, Any],
    observed_at: datetime,
) -> bool:
    """Stores the object's fields, keyed on (account, Stripe id), unless a newer view is stored
    already; True when written. One atomic update, so two writers racing (a sync's page and a
    webhook) cannot put an older view over a newer one."""
    now = utc_now()
    values = {
        **fields,
        "stripe_account_id": stripe_account_id,
        "observed_at": observed_at,
        "updated_at": now,
    }
    collection = model.get_motor_collection()
    key = {"account_id": account_id, "stripe_id": fields["stripe_id"]}
    not_newer = {"observed_at": {"$lte": observed_at}}
    try:
        result = await collection.update_one(
            {**key, **not_newer},
            {"$set": values, "$setOnInsert": {"created_at": now}},
            upsert=True,
        )
    except DuplicateKeyError:
        # The copy exists and is newer: the filter missed it and the upsert hit the unique key.
        return False
    return result.matched_count > 0 or result.upserted_id is not None


async def account_connected_to(stripe_account_id: str) -> PydanticObjectId | None:
    """The account that connected this Stripe account (`acct_...`), if one did."""
    token = await StripeToken.find_one({"external_id": stripe_account_id})
    return token.account_id if token else None
