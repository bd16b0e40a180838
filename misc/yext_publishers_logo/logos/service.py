"""A publisher's logo: served from the Redis cache, downloaded on a miss."""

from typing import Protocol

from misc.yext_publishers_logo.logos.schemas import Logo
from shared.utilities.cache import RedisCache


class LogoSource(Protocol):
    async def download(self, publisher_id: str) -> Logo: ...


class LogoLibrary:
    def __init__(self, source: LogoSource, cache: RedisCache[Logo]) -> None:
        self.source = source
        self.cache = cache

    async def logo(self, publisher_id: str) -> Logo:
        return await self.cache.get_or_fetch(
            publisher_id, lambda: self.source.download(publisher_id)
        )
