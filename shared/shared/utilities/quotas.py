"""Quotas that several subjects hold at once (an account and its agency), counted in Redis so
every replica sees the same numbers.

`Quotas.take(counters, amount)` adds `amount` to every counter unless one of them would pass
its cap, in one atomic step (a Lua script): parallel requests can never together pass a cap,
and a request refused by one quota is counted against none (a sub-account past its own limit
does not use up its agency's). `adjust` moves counters afterwards, say to settle a reservation
to what was used; `seed` starts a counter from a stored total the first time it is needed.

Keys sharing a hash tag (`quota:{agency-1}:...`) stay on one Redis Cluster slot, as a script
touching several keys needs.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from redis.asyncio import Redis

# KEYS: the counters; ARGV[1]: the amount; ARGV[2]: when a new counter expires (Unix seconds);
# ARGV[3..]: each counter's cap (0: none). Answers 0, or the 1-based index of the first counter
# the amount would take past its cap (nothing is then added anywhere).
TAKE = """
local amount = tonumber(ARGV[1])
for i, key in ipairs(KEYS) do
    local cap = tonumber(ARGV[i + 2])
    if cap > 0 and tonumber(redis.call("GET", key) or "0") + amount > cap then
        return i
    end
end
for _, key in ipairs(KEYS) do
    redis.call("INCRBY", key, amount)
    if redis.call("TTL", key) < 0 then
        redis.call("EXPIREAT", key, ARGV[2])
    end
end
return 0
"""
# KEYS: the counters; ARGV[1]: the difference. A counter that has expired meanwhile is left
# gone rather than brought back without an expiry.
ADJUST = """
for _, key in ipairs(KEYS) do
    if redis.call("EXISTS", key) == 1 then
        redis.call("INCRBY", key, ARGV[1])
    end
end
"""


@dataclass(frozen=True)
class Counter:
    key: str
    cap: int  # 0: no cap
    holder: str  # whose quota it is, as refusals name it: "account", "agency"


@dataclass(frozen=True)
class Refusal:
    counter: Counter
    used: int  # the counter's value when refused
    seconds_left: int  # until the counter expires and the quota starts over


class Quotas:
    def __init__(self, redis: Redis) -> None:
        self.redis = redis
        self.take_script = redis.register_script(TAKE)
        self.adjust_script = redis.register_script(ADJUST)

    async def take(
        self, counters: Sequence[Counter], amount: int, expire_at: int
    ) -> Refusal | None:
        """Add `amount` to every counter, or to none when one would pass its cap (the refusal
        says which). A new counter expires at `expire_at` (Unix seconds)."""
        keys = [counter.key for counter in counters]
        args = [amount, expire_at, *(counter.cap for counter in counters)]
        refused = int(await self.take_script(keys=keys, args=args))
        if not refused:
            return None
        counter = counters[refused - 1]
        used, seconds_left = await self.redis.get(counter.key), await self.redis.ttl(counter.key)
        return Refusal(counter, int(used or 0), max(1, seconds_left))

    async def adjust(self, counters: Sequence[Counter], difference: int) -> None:
        if difference:
            await self.adjust_script(keys=[counter.key for counter in counters], args=[difference])

    async def seed(self, counter: Counter, value: int, expire_at: int) -> None:
        """Start the counter at `value` unless it is counting already."""
        await self.redis.set(counter.key, value, nx=True, exat=expire_at)

    async def missing(self, counters: Sequence[Counter]) -> list[Counter]:
        """The counters not counting yet (never used, or expired)."""
        values = await self.redis.mget([counter.key for counter in counters])
        return [counter for counter, value in zip(counters, values, strict=True) if value is None]
