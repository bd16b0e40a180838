"""Each CRM's rate limit, per connected account, across every process: a fixed window counted
in Redis (the providers count per window too: HubSpot's 10-second window, Pipedrive's 2-second
one), and a pause every caller honours once the provider answered 429 with Retry-After."""

import asyncio
import time
from collections.abc import Awaitable, Callable

from redis.asyncio import Redis

from shared.domain.crm_sync.adapter import RateLimit

Sleep = Callable[[float], Awaitable[None]]


class ProviderLimiter:
    def __init__(
        self,
        redis: Redis,
        provider: str,
        account_id: str,
        limit: RateLimit,
        sleep: Sleep = asyncio.sleep,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.redis = redis
        self.key = f"crm_sync:limit:{provider}:{account_id}"
        self.limit = limit
        self.sleep = sleep
        self.clock = clock

    async def acquire(self) -> None:
        """Wait until a call may go out: the provider's pause over, and a place in the window."""
        while True:
            paused = await self.paused_for()
            if paused > 0:
                await self.sleep(paused)
                continue
            wait = await self.place_in_window()
            if wait <= 0:
                return
            await self.sleep(wait)

    async def place_in_window(self) -> float:
        """0 when this call fits in the current window; else the seconds until the next."""
        now = self.clock()
        window = int(now // self.limit.seconds)
        key = f"{self.key}:{window}"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, self.limit.seconds * 2)
            count, _ = await pipe.execute()
        if count <= self.limit.requests:
            return 0
        return (window + 1) * self.limit.seconds - now

    async def paused_for(self) -> float:
        until = await self.redis.get(f"{self.key}:pause")
        return float(until) - self.clock() if until else 0

    async def hold_off(self, seconds: float) -> None:
        """The provider said to wait (429 + Retry-After): every caller waits that long. The
        key holds the time the pause ends, and expires then."""
        until = self.clock() + seconds
        await self.redis.set(f"{self.key}:pause", str(until), px=max(1, int(seconds * 1000)))
