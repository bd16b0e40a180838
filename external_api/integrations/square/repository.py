"""Every query of the Square integration's own: the copied Square records of an account."""

from typing import TypeVar

from shared.models.square_record import SquareRecord
from shared.utilities.repository import TenantRepository

RecordT = TypeVar("RecordT", bound=SquareRecord)


class SquareRecordRepository(TenantRepository[RecordT]):
    """An account's copies of one kind of Square object (customers, payments, catalog items)."""
