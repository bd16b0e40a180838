"""The publishers list, kept in Redis for every replica and fetched again on a schedule.

A request serves the cached copy however old (saying when it was fetched); only the first one,
before any copy exists, waits for Yext. The background refresh keeps the copy at most
`refresh_seconds` old.
"""

import asyncio
import contextlib
import logging
from datetime import UTC, datetime, timedelta
from typing import Protocol

from misc.yext_publishers.publishers.schemas import PublisherList
from shared.providers.yext import Publisher
from shared.utilities.cache import RedisCache
from shared.utilities.errors import DomainError

logger = logging.getLogger(__name__)

CACHE_KEY = "all"
# After a failed refresh, try again this soon rather than a whole interval later.
RETRY_SECONDS = 60.0


class PublisherSource(Protocol):
    async def list_publishers(self) -> list[Publisher]: ...


class PublisherDirectory:
    def __init__(
        self, source: PublisherSource, cache: RedisCache[PublisherList], refresh_seconds: float
    ) -> None:
        self.source = source
        self.cache = cache
        self.refresh_every = timedelta(seconds=refresh_seconds)

    async def current(self) -> PublisherList:
        return await self.cache.get_or_fetch(CACHE_KEY, self.fetch)

    async def refresh_when_due(self) -> float:
        """Fetches the list again when the cached copy is due; returns seconds until the next."""
        publishers = await self.cache.get_or_fetch(CACHE_KEY, self.fetch, fresh=self.is_fresh)
        due = publishers.fetched_at + self.refresh_every
        return max((due - datetime.now(UTC)).total_seconds(), 0.0)

    async def keep_fresh(self, stopping: asyncio.Event) -> None:
        """Runs until `stopping` is set."""
        while not stopping.is_set():
            try:
                wait = await self.refresh_when_due()
            except DomainError as error:
                logger.warning("refreshing the Yext publishers failed: %s", error.message)
                wait = min(RETRY_SECONDS, self.refresh_every.total_seconds())
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), wait)

    def is_fresh(self, publishers: PublisherList) -> bool:
        return datetime.now(UTC) - publishers.fetched_at < self.refresh_every

    async def fetch(self) -> PublisherList:
        publishers = await self.source.list_publishers()
        return PublisherList(publishers=publishers, fetched_at=datetime.now(UTC))
