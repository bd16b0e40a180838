"""Every query of scheduling that more than one process makes: the bookable event type behind
a public page, the account's schedules and bookings, a host's reservations, and the reminders
the queue manager sends.

A public page names its event type by id alone, with no session to say whose it is:
`live_event_type` finds it whichever account it belongs to, and everything after is scoped to
that account. A host's reservations are scoped to the host instead (`HostReservations`): one
person is booked once whichever account books them.
"""

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any

from beanie import PydanticObjectId
from beanie.odm.operators.update.general import Set
from pymongo.errors import BulkWriteError, DuplicateKeyError

from shared.domain.scheduling.errors import EventTypeNotFound
from shared.domain.scheduling.windows import Interval
from shared.models.availability_schedule import AvailabilitySchedule
from shared.models.base import utc_now
from shared.models.booking import Booking, BookingStatus
from shared.models.event_type import EventType
from shared.models.slot_reservation import SlotReservation
from shared.utilities.repository import OwnedRepository, TenantRepository, object_id


async def live_event_type(event_type_id: str) -> EventType:
    """The event type, unless archived or inactive: `EventTypeNotFound` for those and a missing
    one alike."""
    oid = object_id(event_type_id)
    filters = {"_id": oid, "archived_at": None, "active": True}
    event_type = await EventType.find_one(filters) if oid else None
    if event_type is None:
        raise EventTypeNotFound(f"Event type {event_type_id} does not exist.")
    return event_type


class ScheduleRepository(TenantRepository[AvailabilitySchedule]):
    noun = "Schedule"
    sortable = frozenset({"created_at", "updated_at", "name"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(AvailabilitySchedule, account_id)

    async def by_ids(
        self, ids: Iterable[PydanticObjectId]
    ) -> dict[PydanticObjectId, AvailabilitySchedule]:
        found = await self.model.find(self.scoped({"_id": {"$in": list(ids)}})).to_list()
        return {schedule.id: schedule for schedule in found if schedule.id}


class BookingRepository(TenantRepository[Booking]):
    noun = "Booking"
    sortable = frozenset({"created_at", "start_at"})

    def __init__(self, account_id: str | PydanticObjectId) -> None:
        super().__init__(Booking, account_id)

    async def by_client_id(self, event_type_id: PydanticObjectId, client_id: str) -> Booking | None:
        return await self.find_one({"event_type_id": event_type_id, "client_booking_id": client_id})

    async def confirmed_of(
        self, event_type_id: PydanticObjectId, host_id: PydanticObjectId, within: Interval
    ) -> list[Booking]:
        """The host's confirmed bookings of the event type starting within `within`."""
        filters = {
            "event_type_id": event_type_id,
            "host_ids": host_id,
            "status": BookingStatus.CONFIRMED.value,
            "start_at": {"$gte": within.start, "$lt": within.end},
        }
        return await self.model.find(self.scoped(filters)).to_list()

    async def upcoming_count(
        self, event_type_id: PydanticObjectId, host_id: PydanticObjectId, now: datetime
    ) -> int:
        filters = {
            "event_type_id": event_type_id,
            "host_ids": host_id,
            "status": BookingStatus.CONFIRMED.value,
            "start_at": {"$gte": now},
        }
        return await self.count(filters)

    async def record(self, booking: Booking, **fields: Any) -> None:
        """`fields` set on the stored booking and on `booking`."""
        changes = {**fields, "updated_at": utc_now()}
        await Booking.find_one(self.scoped({"_id": booking.id})).update(Set(changes))
        for name, value in changes.items():
            setattr(booking, name, value)

    async def close(self, booking: Booking, **fields: Any) -> bool:
        """`fields` set (a new status) only if the booking is still confirmed: whether this
        caller closed it (of two cancelling at once, one does)."""
        changes = {**fields, "updated_at": utc_now()}
        still = self.scoped({"_id": booking.id, "status": BookingStatus.CONFIRMED.value})
        result = await Booking.find_one(still).update(Set(changes))
        if result.modified_count != 1:
            return False
        for name, value in changes.items():
            setattr(booking, name, value)
        return True


class HostReservations(OwnedRepository[SlotReservation]):
    """One user's reservations, whichever account made them."""

    def __init__(self, user_id: PydanticObjectId) -> None:
        super().__init__(SlotReservation, "user_id", user_id)

    async def blocks_within(
        self, within: Interval, ignoring: PydanticObjectId | None = None
    ) -> list[SlotReservation]:
        filters: dict[str, Any] = {"starts_at": {"$gte": within.start, "$lt": within.end}}
        if ignoring:
            filters["booking_id"] = {"$ne": ignoring}
        return await self.model.find(self.scoped(filters)).to_list()

    async def insert_all(self, reservations: Sequence[SlotReservation]) -> None:
        """In order, stopping at the first key held already (DuplicateKeyError), the ones
        before it inserted."""
        if not reservations:
            return
        try:
            await SlotReservation.insert_many(list(reservations), ordered=True)
        except BulkWriteError as error:
            duplicates = [e for e in error.details.get("writeErrors", []) if e.get("code") == 11000]
            if duplicates:
                raise DuplicateKeyError(duplicates[0].get("errmsg", "duplicate key")) from None
            raise

    async def take_over(
        self, keys: Sequence[str], from_booking: PydanticObjectId, to_booking: PydanticObjectId
    ) -> set[str]:
        """Of `keys`, those `from_booking` holds, handed to `to_booking` (a booking moved to
        a time overlapping its own); the keys handed over."""
        held = self.scoped({"key": {"$in": list(keys)}, "booking_id": from_booking})
        found = await self.model.find(held).to_list()
        await self.model.get_motor_collection().update_many(
            held, {"$set": {"booking_id": to_booking, "taken_from": from_booking}}
        )
        return {reservation.key for reservation in found}


class BookingReservations(OwnedRepository[SlotReservation]):
    """What one booking holds, for each of its hosts."""

    def __init__(self, booking_id: PydanticObjectId) -> None:
        super().__init__(SlotReservation, "booking_id", booking_id)

    async def confirm(self) -> None:
        """Kept for good: the booking is stored."""
        await self.collection().update_many(
            self.scoped(), {"$unset": {"held_until": "", "taken_from": ""}}
        )

    async def release(self) -> None:
        """Let go: what was handed over from another booking goes back to it, the rest is
        deleted."""
        handed = {"taken_from": {"$ne": None}}
        for reservation in await self.model.find(self.scoped(handed)).to_list():
            await self.collection().update_one(
                {"_id": reservation.id},
                {"$set": {"booking_id": reservation.taken_from}, "$unset": {"taken_from": ""}},
            )
        await self.collection().delete_many(self.scoped())

    def collection(self) -> Any:
        return self.model.get_motor_collection()


async def due_reminders(now: datetime, limit: int) -> list[Booking]:
    """Confirmed bookings, of every account, with a reminder due and not sent: the queue
    manager's sweep."""
    due = {"$elemMatch": {"due_at": {"$lte": now}, "sent_at": None}}
    filters: Mapping[str, Any] = {"status": BookingStatus.CONFIRMED.value, "reminders": due}
    return await Booking.find(filters).sort("start_at").limit(limit).to_list()


async def ended_bookings(now: datetime, limit: int) -> list[Booking]:
    """Confirmed bookings, of every account, whose meeting ended by `now`: the completion
    sweep (served by the `(status, end_at)` index)."""
    filters: Mapping[str, Any] = {"status": BookingStatus.CONFIRMED.value, "end_at": {"$lte": now}}
    return await Booking.find(filters).sort("end_at").limit(limit).to_list()


async def mark_reminder_sent(booking: Booking, minutes_before: int, now: datetime) -> bool:
    """The reminder recorded as sent, once: whether this caller recorded it."""
    unsent = {"$elemMatch": {"minutes_before": minutes_before, "sent_at": None}}
    result = await Booking.get_motor_collection().update_one(
        {"_id": booking.id, "account_id": booking.account_id, "reminders": unsent},
        {"$set": {"reminders.$.sent_at": now, "updated_at": now}},
    )
    return result.modified_count == 1
