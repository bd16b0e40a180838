"""The settings of scheduling read alike by the internal API (which makes bookings and reads
their links back) and the queue manager (whose reminders carry the same links)."""

from typing import Self

from pydantic import PositiveInt, model_validator

from shared.utilities.keys import development_secret
from shared.utilities.settings import RunMode, ServiceSettings, common


class SchedulingSettings(ServiceSettings):
    booking_link_secret: str = common(
        "BOOKING_LINK_SECRET",
        "",
        "secret (32+ random bytes) signing the links invitees view, cancel and reschedule their "
        "bookings with; the internal API and the queue manager; empty in embedded mode uses a "
        "development secret",
    )
    booking_link_days: PositiveInt = common(
        "BOOKING_LINK_DAYS", 30, "a booking's links work until this many days after its meeting"
    )

    @property
    def booking_link_key(self) -> bytes:
        return (self.booking_link_secret or development_secret("booking-links")).encode()

    @property
    def signs_booking_links(self) -> bool:
        """Whether this process makes bookings' links (a service overrides it when only some
        of its work does)."""
        return True

    @model_validator(mode="after")
    def distributed_mode_needs_a_booking_link_secret(self) -> Self:
        needed = self.mode is RunMode.DISTRIBUTED and self.signs_booking_links
        if needed and not self.booking_link_secret:
            raise ValueError("BOOKING_LINK_SECRET is required in distributed mode")
        return self
