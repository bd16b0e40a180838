"""The links an invitee manages their booking with (view, cancel, reschedule), without an
account: an HS256 JWT for the `booking` audience naming the account and the booking, signed
with BOOKING_LINK_SECRET, good until BOOKING_LINK_DAYS after the meeting. A token names its
account, so it can never reach another account's booking; one that is forged, altered or
expired answers `BookingLinkNotValid` (404), like a missing booking."""

from datetime import timedelta

import jwt

from shared.domain.scheduling.errors import BookingLinkNotValid
from shared.domain.scheduling.settings import SchedulingSettings
from shared.models.booking import Booking

AUDIENCE = "booking"
ALGORITHM = "HS256"
# The page of the dashboard's app where an invitee manages a booking (`<path><token>`),
# made absolute on the account's own domain when mailed.
MANAGE_PATH = "/booking/"


def manage_token(booking: Booking, settings: SchedulingSettings) -> str:
    expires = booking.end_at + timedelta(days=settings.booking_link_days)
    claims = {
        "aud": AUDIENCE,
        "sub": str(booking.id),
        "account_id": str(booking.account_id),
        "exp": int(expires.timestamp()),
    }
    return jwt.encode(claims, settings.booking_link_key, algorithm=ALGORITHM)


def manage_path(booking: Booking, settings: SchedulingSettings) -> str:
    return f"{MANAGE_PATH}{manage_token(booking, settings)}"


def read_manage_token(token: str, settings: SchedulingSettings) -> tuple[str, str]:
    """(account id, booking id) of a genuine, unexpired token."""
    try:
        claims = jwt.decode(
            token,
            settings.booking_link_key,
            algorithms=[ALGORITHM],
            audience=AUDIENCE,
            options={"require": ["aud", "exp", "sub", "account_id"]},
        )
    except jwt.PyJWTError:
        raise BookingLinkNotValid() from None
    return str(claims["account_id"]), str(claims["sub"])
