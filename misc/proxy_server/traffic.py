"""The bounds of one exchange: its size towards the client and its time, idle and in total."""

import asyncio

from misc.proxy_server.settings import ProxyServerSettings
from shared.utilities.errors import UpstreamError


class ResponseTooLarge(UpstreamError):
    code, message = "response_too_large", "The upstream's answer is larger than the proxy allows."


class Traffic:
    """The bytes one exchange moves, within bounds: no more than `max_response_bytes` towards
    the client, no silence longer than the idle timeout, no longer than the total timeout.

    `deadline` is entered around the exchange and pushed back each time bytes move."""

    def __init__(self, settings: ProxyServerSettings) -> None:
        now = asyncio.get_running_loop().time()
        self.idle_seconds = settings.idle_timeout_seconds
        self.latest = now + settings.total_timeout_seconds
        self.max_response_bytes = settings.max_response_bytes
        self.deadline = asyncio.timeout_at(min(now + self.idle_seconds, self.latest))
        self.request_bytes = 0
        self.response_bytes = 0

    def moved(self) -> None:
        now = asyncio.get_running_loop().time()
        self.deadline.reschedule(min(now + self.idle_seconds, self.latest))

    def up(self, size: int) -> None:
        """`size` bytes went from the client towards the upstream."""
        self.request_bytes += size
        self.moved()

    def down(self, size: int) -> None:
        """`size` bytes went from the upstream towards the client."""
        self.response_bytes += size
        if self.response_bytes > self.max_response_bytes:
            raise ResponseTooLarge()
        self.moved()
