"""What makes a double booking impossible: each booking holds, for each of its hosts, one
reservation per `SLOT_STEP_MINUTES` block of the time it takes (buffers included), and one
seat of the host's day when the event type caps its bookings per day. `(user_id, key)` is
unique, so of two bookings racing for one block of one user exactly one inserts it; the other
takes back what it inserted and is refused.

A user is one person whichever account books them: the key is not per account. Reservations
are inserted `held_until` a few minutes and confirmed (the field removed) once their booking is
stored, so those of a booking whose process died before storing it lapse (a TTL index).
"""

from datetime import datetime

from beanie import PydanticObjectId
from pymongo import ASCENDING, IndexModel

from shared.models.base import TenantDocument


class SlotReservation(TenantDocument):
    user_id: PydanticObjectId
    # "block:<UTC start, ISO minute>" or "seat:<event type id>:<local date>:<n>"
    key: str
    booking_id: PydanticObjectId
    starts_at: datetime | None = None  # a block's start; None for a seat
    held_until: datetime | None = None  # unconfirmed: deleted after this
    # Handed over by this booking when it was moved to an overlapping time, until stored.
    taken_from: PydanticObjectId | None = None

    class Settings:
        name = "slot_reservations"
        keep_nulls = False  # a confirmed reservation has no `held_until` for the TTL to read
        indexes = [
            IndexModel([("user_id", ASCENDING), ("key", ASCENDING)], unique=True),
            # A user's reserved blocks in a range, when slots are offered.
            IndexModel([("user_id", ASCENDING), ("starts_at", ASCENDING)]),
            IndexModel([("booking_id", ASCENDING)]),
            IndexModel([("held_until", ASCENDING)], expireAfterSeconds=0),
        ]
