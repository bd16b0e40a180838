"""Fixed-window rate limits in Redis, shared by every replica: the router's per account,
session and client IP, and the internal API's on its public routes (`internal_api.public`).

Every window of every subject is a counter `ratelimit:<subject>:<seconds>:<window number>`,
incremented (and given its expiry when new) by one short script: one Redis command per request
whatever the number of limits. The `limits` library spends a round trip per limit, and a
pipeline of INCR and EXPIRE costs redis-py more time packing commands than Redis takes to run
them (640 µs against 100 µs for nine windows, measured).
"""

import math
import time
from dataclasses import dataclass
from typing import Annotated

from pydantic import BeforeValidator
from pydantic_settings import NoDecode
from redis.asyncio import Redis

KEY_PREFIX = "ratelimit:"
# KEYS are the windows' counters, each ending in ":<seconds>:<window number>" (the expiry is read
# from it, so no arguments need packing); returns the counts.
COUNT_HITS = """
local counts = {}
for i, key in ipairs(KEYS) do
    counts[i] = redis.call("INCR", key)
    if counts[i] == 1 then
        redis.call("EXPIRE", key, string.match(key, ":(%d+):%d+$"))
    end
end
return counts
"""
UNIT_SECONDS = {"second": 1, "minute": 60, "hour": 3600, "day": 86400}


@dataclass(frozen=True)
class Limit:
    count: int
    seconds: int


def parse_limits(text: str) -> tuple[Limit, ...]:
    """ "100/second, 3000/minute" → its limits; empty text means no limit."""
    limits = []
    for part in filter(None, (item.strip() for item in text.split(","))):
        count, _, unit = part.partition("/")
        if not count.strip().isdigit() or unit.strip() not in UNIT_SECONDS:
            raise ValueError(
                f"{part!r} is not like '100/minute' (units: {', '.join(UNIT_SECONDS)})"
            )
        limits.append(Limit(int(count), UNIT_SECONDS[unit.strip()]))
    return tuple(limits)


# A setting read as "100/second, 3000/minute, 500000/day" (units: second, minute, hour, day);
# empty: none.
Limits = Annotated[
    tuple[Limit, ...],
    NoDecode,
    BeforeValidator(lambda value: parse_limits(value) if isinstance(value, str) else value),
]


@dataclass(frozen=True)
class Verdict:
    """The tightest of the limits that applied: what the X-RateLimit-* headers report."""

    limit: int
    remaining: int
    reset_seconds: int  # until the tightest window starts over

    @property
    def allowed(self) -> bool:
        return self.remaining >= 0

    def headers(self) -> dict[str, str]:
        headers = {
            "x-ratelimit-limit": str(self.limit),
            "x-ratelimit-remaining": str(max(self.remaining, 0)),
            "x-ratelimit-reset": str(self.reset_seconds),
        }
        if not self.allowed:
            headers["retry-after"] = str(self.reset_seconds)
        return headers


class RateLimiter:
    def __init__(self, redis: Redis, per_subject: dict[str, tuple[Limit, ...]]) -> None:
        """`per_subject` maps a kind of subject ("account", "session", "ip") to its limits."""
        self.count_hits = redis.register_script(COUNT_HITS)
        self.per_subject = per_subject
        self.counts = any(per_subject.values())  # False: no limit is set, nothing to count

    async def hit(self, subjects: dict[str, str], now: float | None = None) -> Verdict | None:
        """Count one request against each subject ({"ip": "203.0.113.7", ...}); None when no
        limit applies. A refused request counts too, so hammering does not reset anything."""
        now = time.time() if now is None else now
        windows = [
            (limit, f"{KEY_PREFIX}{kind}:{subject}:{limit.seconds}:{int(now // limit.seconds)}")
            for kind, subject in subjects.items()
            for limit in self.per_subject.get(kind, ())
        ]
        if not windows:
            return None
        counts = await self.count_hits(keys=[key for _, key in windows])
        # Only the tightest window is reported, so only it (and, when refused, the exceeded
        # windows' resets) is worked out.
        remaining = [limit.count - count for (limit, _), count in zip(windows, counts, strict=True)]
        tightest = remaining.index(min(remaining))
        limit = windows[tightest][0]
        if remaining[tightest] >= 0:
            return Verdict(limit.count, remaining[tightest], reset_seconds(limit, now))
        # Refused until every exceeded window has started over.
        reset = max(
            reset_seconds(window, now)
            for (window, _), left in zip(windows, remaining, strict=True)
            if left < 0
        )
        return Verdict(limit.count, remaining[tightest], reset)


def reset_seconds(limit: Limit, now: float) -> int:
    """Until the limit's current window starts over."""
    return math.ceil(limit.seconds - now % limit.seconds)
