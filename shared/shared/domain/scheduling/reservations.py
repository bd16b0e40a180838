"""A booking's hold on its hosts' time (`shared.models.slot_reservation`): every
`SLOT_STEP_MINUTES` block the meeting takes with its buffers, and a seat of the host's day
when the event type caps its bookings per day.

    await hold(event_type, booking_id, start, [host_id])      # SlotTaken: nothing held
    ... the booking stored ...
    await BookingReservations(booking_id).confirm()

Each reservation is an insert on a unique `(user_id, key)`, so of two bookings racing for one
block exactly one gets it; the loser takes back every reservation it inserted, for every host,
before `SlotTaken` is raised. Reservations are inserted held for `HOLD` and lapse unless
confirmed, so those of a process that died before storing its booking free the time again.

A booking moved to an overlapping time (a reschedule) takes over the blocks and the seat its
old booking holds that the new time needs, and hands them back if the move fails.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from beanie import PydanticObjectId
from pymongo.errors import DuplicateKeyError

from shared.domain.scheduling.errors import SlotTaken
from shared.domain.scheduling.repository import BookingReservations, HostReservations
from shared.domain.scheduling.slots import occupied_at
from shared.domain.scheduling.windows import Interval, local_date
from shared.models.base import utc_now
from shared.models.event_type import SLOT_STEP_MINUTES, EventType
from shared.models.slot_reservation import SlotReservation

BLOCK = timedelta(minutes=SLOT_STEP_MINUTES)
HOLD = timedelta(minutes=5)


@dataclass(frozen=True)
class HostDay:
    """A host and the zone their days are counted in (for the seats of `max_per_day`)."""

    user_id: PydanticObjectId
    time_zone: str


def block_starts(occupied: Interval) -> list[datetime]:
    starts, start = [], occupied.start
    while start < occupied.end:
        starts.append(start)
        start += BLOCK
    return starts


def block_key(start: datetime) -> str:
    return f"block:{start.astimezone(UTC):%Y-%m-%dT%H:%M}Z"


def seat_keys(event_type: EventType, day: date) -> list[str]:
    assert event_type.max_per_day is not None
    return [f"seat:{event_type.id}:{day}:{n}" for n in range(1, event_type.max_per_day + 1)]


async def hold(
    event_type: EventType,
    booking_id: PydanticObjectId,
    start: datetime,
    hosts: Sequence[HostDay],
    moved_from: PydanticObjectId | None = None,
) -> None:
    """Every host's time for a meeting at `start`, or `SlotTaken` with nothing held."""
    try:
        for host in hosts:
            await hold_for(event_type, booking_id, start, host, moved_from)
    except BaseException:
        await BookingReservations(booking_id).release()
        raise


async def hold_for(
    event_type: EventType,
    booking_id: PydanticObjectId,
    start: datetime,
    host: HostDay,
    moved_from: PydanticObjectId | None,
) -> None:
    reservations = HostReservations(host.user_id)
    blocks = {block_key(at): at for at in block_starts(occupied_at(event_type, start))}
    day = local_date(start, ZoneInfo(host.time_zone))
    seats = seat_keys(event_type, day) if event_type.max_per_day is not None else []
    handed: set[str] = set()
    if moved_from:
        handed = await reservations.take_over([*blocks, *seats], moved_from, booking_id)
    held_until = utc_now() + HOLD

    def reservation(key: str, starts_at: datetime | None = None) -> SlotReservation:
        return SlotReservation(
            account_id=event_type.account_id,
            user_id=host.user_id,
            key=key,
            booking_id=booking_id,
            starts_at=starts_at,
            held_until=held_until,
        )

    wanted = [reservation(key, at) for key, at in blocks.items() if key not in handed]
    try:
        await reservations.insert_all(wanted)
    except DuplicateKeyError:
        raise SlotTaken() from None
    if seats and not handed & set(seats):
        await take_a_seat(reservations, [reservation(key) for key in seats])


async def take_a_seat(reservations: HostReservations, seats: Sequence[SlotReservation]) -> None:
    """The first free seat of the day; `SlotTaken` when the day is full."""
    for seat in seats:
        try:
            await reservations.insert_all([seat])
            return
        except DuplicateKeyError:
            continue
    raise SlotTaken("The host's day is fully booked; pick another day.")
