"""Failed logins counted per email in Redis; over the limit, the email is locked for a while.

Counted per email, not per address, so one account cannot be guessed at from many machines.
"""

import hashlib

from redis.asyncio import Redis

from shared.utilities.errors import RateLimited

KEY_PREFIX = "login-failures:"


class LoginThrottle:
    def __init__(self, redis: Redis, limit: int, window_seconds: int) -> None:
        self.redis = redis
        self.limit = limit
        self.window_seconds = window_seconds

    @staticmethod
    def key(email: str) -> str:
        # Hashed, so Redis holds no email addresses.
        return KEY_PREFIX + hashlib.sha256(email.encode()).hexdigest()

    async def check(self, email: str) -> None:
        """Raises RateLimited, with Retry-After, while the email has too many recent failures."""
        key = self.key(email)
        failures = int(await self.redis.get(key) or 0)
        if failures >= self.limit:
            retry_after = max(1, await self.redis.ttl(key))
            raise RateLimited(
                "Too many failed logins; try again later.",
                headers={"Retry-After": str(retry_after)},
            )

    async def failed(self, email: str) -> None:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(self.key(email))
            # The window starts at the first failure and does not slide with later ones.
            pipe.expire(self.key(email), self.window_seconds, nx=True)
            await pipe.execute()

    async def succeeded(self, email: str) -> None:
        await self.redis.delete(self.key(email))
