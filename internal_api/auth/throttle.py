"""Login attempts, counted per email and per client address in Redis, slowed down
progressively instead of locked out.

Each attempt is reserved before its password is checked, in one Lua script, so parallel
attempts cannot all read "allowed" before any of them counts. An email (or an address) has a
few free attempts; after them each attempt must wait a delay that doubles (1 s, 2 s, 4 s, ...
up to a cap) since the previous one, and an attempt too early answers 429 with Retry-After
without checking anything. Someone who only knows an email can therefore slow its owner down
by at most the cap, never lock them out. A successful login clears its email's count and gives
back its address's attempt; counts are forgotten a while after the last attempt.
"""

import math
import time
from collections.abc import Callable
from dataclasses import dataclass

from redis.asyncio import Redis

from internal_api.auth.errors import LoginThrottled
from internal_api.settings import InternalApiSettings
from shared.utilities.secret_tokens import hash_token

KEY_PREFIX = "login-attempts:"

# KEYS: the counters (hashes of attempts and next_at, in ms). ARGV: now, first delay, max
# delay, memory (all ms), then each key's free attempts. Answers 0 when the attempt is counted,
# or how many ms to wait when one counter says it is too early (nothing counted then).
RESERVE = """
local now, first, cap, memory = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]),
  tonumber(ARGV[4])
local wait = 0
for i, key in ipairs(KEYS) do
  local next_at = tonumber(redis.call('HGET', key, 'next_at') or '0')
  if next_at - now > wait then wait = next_at - now end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  local attempts = redis.call('HINCRBY', key, 'attempts', 1)
  local over = attempts - tonumber(ARGV[4 + i])
  local delay = 0
  if over >= 0 then
    -- Free attempts leave next_at alone: callers' clocks differ by a few ms, and a free
    -- attempt must not make the next one early.
    delay = math.min(first * 2 ^ over, cap)
    redis.call('HSET', key, 'next_at', now + delay)
  end
  redis.call('PEXPIRE', key, memory + delay)
end
return 0
"""
# KEYS: an address's counter. Takes one attempt off it, if it is still remembered.
GIVE_BACK = """
if redis.call('EXISTS', KEYS[1]) == 1 then redis.call('HINCRBY', KEYS[1], 'attempts', -1) end
"""


@dataclass(frozen=True)
class ThrottlePolicy:
    free_per_email: int
    free_per_address: int
    first_delay_seconds: float
    max_delay_seconds: float
    memory_seconds: float

    @classmethod
    def from_settings(cls, settings: InternalApiSettings) -> "ThrottlePolicy":
        return cls(
            free_per_email=settings.login_free_attempts_per_email,
            free_per_address=settings.login_free_attempts_per_address,
            first_delay_seconds=settings.login_first_delay_seconds,
            max_delay_seconds=settings.login_max_delay_seconds,
            memory_seconds=settings.login_memory_seconds,
        )


def key(kind: str, value: str) -> str:
    # Hashed, so Redis holds no email addresses.
    return f"{KEY_PREFIX}{kind}:{hash_token(value)}"


class LoginThrottle:
    def __init__(
        self, redis: Redis, policy: ThrottlePolicy, clock: Callable[[], float] = time.time
    ) -> None:
        self.redis = redis
        self.policy = policy
        self.clock = clock

    def counters(self, email: str, address: str) -> list[tuple[str, int]]:
        """Each counter the attempt goes on, with its free attempts (no address: email only)."""
        counted = [(key("email", email), self.policy.free_per_email)]
        if address:
            counted.append((key("address", address), self.policy.free_per_address))
        return counted

    async def reserve(self, email: str, address: str) -> None:
        """Counts the attempt, or raises LoginThrottled (with Retry-After) when it is early."""
        counters = self.counters(email, address)
        wait_ms = await self.redis.eval(
            RESERVE,
            len(counters),
            *(name for name, _ in counters),
            int(self.clock() * 1000),
            int(self.policy.first_delay_seconds * 1000),
            int(self.policy.max_delay_seconds * 1000),
            int(self.policy.memory_seconds * 1000),
            *(free for _, free in counters),
        )
        if wait_ms:
            seconds = max(1, math.ceil(int(wait_ms) / 1000))
            raise LoginThrottled(
                f"Too many login attempts; try again in {seconds} seconds.",
                headers={"Retry-After": str(seconds)},
            )

    async def succeeded(self, email: str, address: str) -> None:
        """The email's count starts again; the address gets its attempt back."""
        await self.redis.delete(key("email", email))
        if address:
            await self.redis.eval(GIVE_BACK, 1, key("address", address))
