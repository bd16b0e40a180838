"""Every query of the Stripe integration's own: the copied billing records of an account."""

from typing import TypeVar

from shared.models.billing_record import BillingRecord
from shared.utilities.repository import TenantRepository

RecordT = TypeVar("RecordT", bound=BillingRecord)


class BillingRecordRepository(TenantRepository[RecordT]):
    """An account's copies of one kind of Stripe object (customers, subscriptions, charges)."""
