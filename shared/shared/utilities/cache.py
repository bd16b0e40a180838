"""Values fetched from a third party, kept in Redis as JSON so all replicas serve one copy; and
the HTTP side of serving them again (`etag_matches`)."""

import asyncio
import logging
import weakref
from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

from pydantic import BaseModel, ValidationError
from redis.asyncio import Redis

logger = logging.getLogger(__name__)

ModelT = TypeVar("ModelT", bound=BaseModel)


def always_fresh(_: BaseModel) -> bool:
    return True


class RedisCache(Generic[ModelT]):
    """Models of one type under one key prefix, each kept `ttl_seconds` (None: until replaced)."""

    def __init__(
        self, redis: Redis, prefix: str, model: type[ModelT], ttl_seconds: int | None = None
    ) -> None:
        self.redis = redis
        self.prefix = prefix
        self.model = model
        self.ttl_seconds = ttl_seconds
        # One lock per key being fetched, gone once nobody waits on it, so keys cannot pile up.
        self.fetching: weakref.WeakValueDictionary[str, asyncio.Lock] = (
            weakref.WeakValueDictionary()
        )

    async def get(self, key: str) -> ModelT | None:
        stored = await self.redis.get(f"{self.prefix}:{key}")
        if stored is None:
            return None
        try:
            return self.model.model_validate_json(stored)
        except ValidationError:
            # Written by an older shape of the model: as good as missing.
            logger.warning("cached %s:%s no longer fits %s", self.prefix, key, self.model.__name__)
            return None

    async def put(self, key: str, value: ModelT, ttl_seconds: int | None = None) -> None:
        """Kept `ttl_seconds` when given (what the value's source allows), else the cache's."""
        ttl = ttl_seconds or self.ttl_seconds
        await self.redis.set(f"{self.prefix}:{key}", value.model_dump_json(), ex=ttl)

    async def get_or_fetch(
        self,
        key: str,
        fetch: Callable[[], Awaitable[ModelT]],
        fresh: Callable[[ModelT], bool] = always_fresh,
    ) -> ModelT:
        """The cached value while `fresh` says so, else `fetch()`'s, stored.

        Callers in this process that miss together wait for one fetch instead of each making one.
        """
        cached = await self.get(key)
        if cached is not None and fresh(cached):
            return cached
        lock = self.fetching.setdefault(key, asyncio.Lock())
        async with lock:
            cached = await self.get(key)
            if cached is None or not fresh(cached):
                cached = await fetch()
                await self.put(key, cached)
            return cached


def etag_matches(if_none_match: str | None, etag: str) -> bool:
    """Whether If-None-Match names this ETag (weakly compared, as RFC 9110 asks for it)."""
    if if_none_match is None:
        return False
    tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
    return "*" in tags or etag in tags
