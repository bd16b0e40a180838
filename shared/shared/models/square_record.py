"""What the Square billing collections share: a read copy of one Square object, kept per account.

The collections (`billing_square_customers`, `billing_square_payments`,
`billing_square_catalog_items`) are written by the Square integration's sync (external API)
and its webhook handler (queue manager), through `shared.domain.billing.square_objects` only.
"""

from datetime import datetime

from pymongo import ASCENDING, DESCENDING, IndexModel

from shared.models.base import TenantDocument


class SquareRecord(TenantDocument):
    square_id: str  # Square's own id of the object
    merchant_id: str  # the Square seller the object belongs to
    # Square's `updated_at` of the object: a copy is never replaced by an older view.
    square_updated_at: datetime
    deleted: bool = False


def square_record_indexes() -> list[IndexModel]:
    """One copy per Square object per account; lists newest first."""
    return [
        IndexModel([("account_id", ASCENDING), ("square_id", ASCENDING)], unique=True),
        IndexModel([("account_id", ASCENDING), ("created_at", DESCENDING)]),
    ]
