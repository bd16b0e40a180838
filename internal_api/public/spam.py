"""Spam checks of public submissions that cost no one anything: a honeypot and a fill time.

- Honeypot: the rendered form holds a field hidden from people (`honeypot_field`); bots that
  fill every input give themselves away by filling it.
- Minimum fill time: when the form is rendered, its script fetches a render stamp (the time,
  signed with HMAC-SHA256 under PUBLIC_STAMP_KEY for that form) and sends it back with the
  submission. One sent back sooner than `min_fill_seconds` after its stamp is a script's; a
  stamp without a genuine signature cannot say "rendered long ago", and one older than
  `max_age_seconds` asks for a reload. A stamp can be reused within its age by whoever got one:
  the per-IP and per-form rate limits bound that.

Both refuse with SpamSuspected before anything is stored; the reason is logged, not answered,
so a bot is not told which check it failed.
"""

import hashlib
import hmac
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NoReturn

from internal_api.public.errors import SpamSuspected

logger = logging.getLogger(__name__)

MAC_CHARS = 32  # 128 bits of the SHA-256 HMAC, in hex


def check_honeypot(value: object) -> None:
    """The hidden field must come back missing or empty."""
    if value not in (None, "", [], False):
        logger.info("submission refused: its honeypot field is filled")
        raise SpamSuspected()


@dataclass(frozen=True)
class RenderStamps:
    key: bytes
    min_fill_seconds: float
    max_age_seconds: int
    clock: Callable[[], float] = field(default=time.time)

    def issue(self, subject: str) -> str:
        """A stamp of now for `subject` (a form's id): `<unix seconds>.<mac>`."""
        rendered_at = int(self.clock())
        return f"{rendered_at}.{self.mac(subject, rendered_at)}"

    def check(self, stamp: str, subject: str) -> None:
        """Raises SpamSuspected unless `stamp` is genuine for `subject`, at least
        `min_fill_seconds` old and at most `max_age_seconds`."""
        rendered_at, _, mac = stamp.partition(".")
        if not (rendered_at.isascii() and rendered_at.isdigit() and len(rendered_at) <= 12):
            self.refuse("its render stamp is missing or malformed")
        elif not hmac.compare_digest(
            mac.encode("utf-8", "surrogatepass"), self.mac(subject, int(rendered_at)).encode()
        ):
            self.refuse("its render stamp is forged")
        elif (age := self.clock() - int(rendered_at)) < self.min_fill_seconds:
            self.refuse(f"it was filled in {age:.1f} s")
        elif age > self.max_age_seconds:
            self.refuse("its form was rendered too long ago")

    def mac(self, subject: str, rendered_at: int) -> str:
        message = f"render-stamp:{subject}:{rendered_at}".encode()
        return hmac.new(self.key, message, hashlib.sha256).hexdigest()[:MAC_CHARS]

    @staticmethod
    def refuse(reason: str) -> NoReturn:
        logger.info("submission refused: %s", reason)
        raise SpamSuspected()
