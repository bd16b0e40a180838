"""Clients a worker keeps for all the tasks of a process (a Redis client for the claims, a pooled
HTTP client for webhooks): made on first use, on the event loop the bodies run on, and closed
when that loop's worker stops. Clients bound to a loop cannot serve another, so each loop (the
process's own, or the host's in embedded mode) gets its own.

    webhook_clients = PerLoop(lambda: webhook_client(settings), close=httpx.AsyncClient.aclose)

    async def body():
        client = webhook_clients.get()
"""

import asyncio
import logging
import weakref
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")


class PerLoop(Generic[T]):
    def __init__(
        self, make: Callable[[], T], close: Callable[[T], Awaitable[object]] | None = None
    ) -> None:
        self.make = make
        self.closer = close
        self.made: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, T] = (
            weakref.WeakKeyDictionary()
        )
        _every.add(self)

    def get(self) -> T:
        loop = asyncio.get_running_loop()
        found = self.made.get(loop)
        if found is None:
            found = self.made[loop] = self.make()
        return found

    async def close(self) -> None:
        """Close the running loop's, if it made one."""
        made = self.made.pop(asyncio.get_running_loop(), None)
        if made is not None and self.closer is not None:
            await self.closer(made)


_every: weakref.WeakSet[PerLoop] = weakref.WeakSet()


async def close_per_loop() -> None:
    """Close every client made on the running loop; one that fails to close is logged."""
    for resource in list(_every):
        try:
            await resource.close()
        except Exception:
            logger.exception("could not close a worker client")
