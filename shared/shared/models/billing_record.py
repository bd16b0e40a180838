"""What the billing collections share: a copy of one Stripe object, kept per account.

The billing collections (`billing_customer`, `billing_subscription`, `billing_charge`) are
written by the Stripe integration twice over: a full sync lists every object, and webhooks bring
each change as it happens. Both write through `upsert_stripe_object`, which keys a copy on
`(account_id, stripe_id)` and never lets an older view of an object overwrite a newer one (a
webhook delivered late, or a sync's page read before a change its webhook already brought).
"""

from datetime import UTC, datetime
from typing import Any, TypeVar

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel
from pymongo.errors import DuplicateKeyError

from shared.models.base import TenantDocument, utc_now


class BillingRecord(TenantDocument):
    stripe_id: str  # cus_..., sub_..., ch_...
    stripe_account_id: str  # the connected Stripe account (acct_...) the object lives in
    livemode: bool = False
    # When Stripe's view of the object was taken: the event's `created`, or the sync's start.
    observed_at: datetime

    @staticmethod
    def fields_of(stripe_object: dict[str, Any]) -> dict[str, Any]:
        """The fields kept from the Stripe object: each collection says which."""
        raise NotImplementedError


RecordT = TypeVar("RecordT", bound=BillingRecord)


def stripe_record_indexes() -> list[IndexModel]:
    """One copy per Stripe object per account."""
    return [IndexModel([("account_id", ASCENDING), ("stripe_id", ASCENDING)], unique=True)]


def stripe_id_of(value: str | dict[str, Any] | None) -> str | None:
    """A reference to another Stripe object: its id, or the whole object when expanded."""
    return value["id"] if isinstance(value, dict) else value


def from_timestamp(value: int | None) -> datetime | None:
    """Stripe's times are Unix seconds."""
    return datetime.fromtimestamp(value, UTC) if value is not None else None


async def upsert_stripe_object(
    model: type[RecordT],
    account_id: PydanticObjectId,
    stripe_account_id: str,
    fields: dict[str, Any],
    observed_at: datetime,
) -> bool:
    """Stores the object's fields unless a newer view is already stored; True when written."""
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
