"""Claims: which worker runs a task id now, as a lease, decided in one round trip to Redis.

A task's claim is a Redis hash `task-claim:<task id>` (status, owner, lease_until, attempts),
changed only by the Lua scripts below, so two deliveries racing on two workers see one winner.
Redis is the broker already: the claim costs a task no other store. It is taken (`ClaimTaker`)
by the thread Celery runs the task in, with a blocking client, before the body goes to its event
loop: a round trip there costs a fraction of one through the loop. What changes a claim after
(`ClaimStore`) happens on the loop, off the usual path. It is kept as long as a
finished run's record (then the key expires), so a task id sent again within that time is
recognised; MongoDB keeps the durable record of what came of it (`repository.py`).

    new      the task id's first delivery: run the body
    taken    claimed again: a retry, a redrive, or the lapsed lease of a worker that died
    held     another worker holds a live lease: come back when it would lapse
    settled  the run is done or dead: nothing to run

Redis must keep its data across a restart (appendonly) for a completed task sent again to be
recognised after one; the queued tasks themselves need the same. Without REDIS_URL (embedded
mode on Celery's in-memory broker) the claims live in the process, as the queues do.
"""

import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from redis import Redis as SyncRedis
from redis.asyncio import Redis


class Outcome(StrEnum):
    NEW = "new"
    TAKEN = "taken"
    HELD = "held"
    SETTLED = "settled"


class Status(StrEnum):
    RUNNING = "running"
    RETRYING = "retrying"  # failed, sent again after a backoff
    QUEUED = "queued"  # handed back by a stopping worker, or redriven
    DONE = "done"
    DEAD = "dead"


@dataclass(frozen=True)
class Claim:
    outcome: Outcome
    attempts: int  # times the body was started, this one included when claimed
    seconds_left: float = 0.0  # of the live lease, when held


@dataclass(frozen=True)
class ClaimState:
    """What a claim says of a run no record describes yet (a job's status while it runs)."""

    status: Status
    attempts: int


class ClaimTaker(Protocol):
    def claim(self, task_id: str, owner: str, lease_seconds: float) -> Claim: ...


class ClaimStore(Protocol):
    async def renew(self, task_ids: Iterable[str], owner: str, lease_seconds: float) -> None: ...

    async def release(self, task_id: str, owner: str, status: Status, uncount: bool) -> None:
        """The owner lets its claim go: `status` retrying or queued; `uncount` when the body's
        start does not count as an attempt (a hand-back)."""

    async def settle(self, task_id: str, status: Status) -> None: ...

    async def requeue(self, task_id: str) -> None:
        """A redrive: claimable again, its attempts from zero."""

    async def state(self, task_id: str) -> ClaimState | None: ...

    async def close(self) -> None: ...


# Embedded mode keeps its claims as long as the process lives, at most this long.
IN_PROCESS_KEEP_SECONDS = 7 * 24 * 3600


def key_of(task_id: str) -> str:
    return f"task-claim:{task_id}"


# KEYS: the claim. ARGV: owner, lease (ms), seconds the claim is kept.
CLAIM = """
local clock = redis.call('TIME')
local now = clock[1] * 1000 + math.floor(clock[2] / 1000)
local status, lease_until, attempts = unpack(
    redis.call('HMGET', KEYS[1], 'status', 'lease_until', 'attempts'))
attempts = tonumber(attempts) or 0
if status == 'done' or status == 'dead' then
    return {'settled', attempts, 0}
end
if status == 'running' and tonumber(lease_until) > now then
    return {'held', attempts, tonumber(lease_until) - now}
end
attempts = attempts + 1
redis.call('HSET', KEYS[1], 'status', 'running', 'owner', ARGV[1],
    'lease_until', now + tonumber(ARGV[2]), 'attempts', attempts)
redis.call('EXPIRE', KEYS[1], ARGV[3])
if status then return {'taken', attempts, 0} end
return {'new', attempts, 0}
"""

# KEYS: the claim. ARGV: owner, lease (ms).
RENEW = """
local status, owner = unpack(redis.call('HMGET', KEYS[1], 'status', 'owner'))
if status == 'running' and owner == ARGV[1] then
    local clock = redis.call('TIME')
    local now = clock[1] * 1000 + math.floor(clock[2] / 1000)
    redis.call('HSET', KEYS[1], 'lease_until', now + tonumber(ARGV[2]))
end
return 0
"""

# KEYS: the claim. ARGV: owner, new status, "1" to uncount the attempt.
RELEASE = """
if redis.call('HGET', KEYS[1], 'owner') ~= ARGV[1] then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[2], 'lease_until', 0)
if ARGV[3] == '1' then redis.call('HINCRBY', KEYS[1], 'attempts', -1) end
return 1
"""

# KEYS: the claim. ARGV: new status; a claim already gone stays gone.
SETTLE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'status', ARGV[1], 'lease_until', 0)
return 1
"""

REQUEUE = """
if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'status', 'queued', 'attempts', 0, 'lease_until', 0)
return 1
"""


class RedisClaimTaker:
    """Thread-safe: Celery's pool threads share it (its client holds a connection pool)."""

    def __init__(self, redis: SyncRedis, keep_seconds: int) -> None:
        self.redis = redis
        self.keep_seconds = keep_seconds
        self._claim = redis.register_script(CLAIM)

    def claim(self, task_id: str, owner: str, lease_seconds: float) -> Claim:
        lease_ms = int(lease_seconds * 1000)
        outcome, attempts, left_ms = self._claim(
            keys=[key_of(task_id)], args=[owner, lease_ms, self.keep_seconds]
        )
        return Claim(Outcome(as_text(outcome)), int(attempts), int(left_ms) / 1000)

    def close(self) -> None:
        self.redis.close()


class RedisClaims:
    def __init__(self, redis: Redis) -> None:
        self.redis = redis
        self._renew = redis.register_script(RENEW)
        self._release = redis.register_script(RELEASE)
        self._settle = redis.register_script(SETTLE)
        self._requeue = redis.register_script(REQUEUE)

    async def renew(self, task_ids: Iterable[str], owner: str, lease_seconds: float) -> None:
        lease_ms = int(lease_seconds * 1000)
        async with self.redis.pipeline(transaction=False) as pipe:
            for task_id in task_ids:
                await self._renew(keys=[key_of(task_id)], args=[owner, lease_ms], client=pipe)
            await pipe.execute()

    async def release(self, task_id: str, owner: str, status: Status, uncount: bool) -> None:
        args = [owner, status.value, "1" if uncount else "0"]
        await self._release(keys=[key_of(task_id)], args=args)

    async def settle(self, task_id: str, status: Status) -> None:
        await self._settle(keys=[key_of(task_id)], args=[status.value])

    async def requeue(self, task_id: str) -> None:
        await self._requeue(keys=[key_of(task_id)])

    async def state(self, task_id: str) -> ClaimState | None:
        status, attempts = await self.redis.hmget(key_of(task_id), ["status", "attempts"])
        if status is None:
            return None
        return ClaimState(Status(as_text(status)), int(attempts or 0))

    async def close(self) -> None:
        await self.redis.aclose()


def as_text(value: str | bytes) -> str:
    return value.decode() if isinstance(value, bytes) else value


@dataclass
class HeldClaim:
    status: Status
    owner: str
    lease_until: float
    attempts: int
    expires_at: float


class InProcessClaims:
    """The same rules for one process (embedded mode without Redis), behind a lock: the
    in-process worker's threads and the host's loop share it."""

    def __init__(self, keep_seconds: int = IN_PROCESS_KEEP_SECONDS) -> None:
        self.keep_seconds = keep_seconds
        self.claims: dict[str, HeldClaim] = {}
        self.lock = threading.Lock()

    def live(self, task_id: str, now: float) -> HeldClaim | None:
        found = self.claims.get(task_id)
        if found is not None and found.expires_at <= now:
            del self.claims[task_id]
            return None
        return found

    def claim(self, task_id: str, owner: str, lease_seconds: float) -> Claim:
        now = time.time()
        with self.lock:
            found = self.live(task_id, now)
            if found and found.status in (Status.DONE, Status.DEAD):
                return Claim(Outcome.SETTLED, found.attempts)
            if found and found.status is Status.RUNNING and found.lease_until > now:
                return Claim(Outcome.HELD, found.attempts, found.lease_until - now)
            attempts = (found.attempts if found else 0) + 1
            self.claims[task_id] = HeldClaim(
                Status.RUNNING, owner, now + lease_seconds, attempts, now + self.keep_seconds
            )
            return Claim(Outcome.TAKEN if found else Outcome.NEW, attempts)

    async def renew(self, task_ids: Iterable[str], owner: str, lease_seconds: float) -> None:
        now = time.time()
        with self.lock:
            for task_id in task_ids:
                found = self.live(task_id, now)
                if found and found.status is Status.RUNNING and found.owner == owner:
                    found.lease_until = now + lease_seconds

    async def release(self, task_id: str, owner: str, status: Status, uncount: bool) -> None:
        with self.lock:
            found = self.live(task_id, time.time())
            if found and found.owner == owner:
                found.status, found.lease_until = status, 0.0
                found.attempts -= 1 if uncount else 0

    async def settle(self, task_id: str, status: Status) -> None:
        with self.lock:
            if found := self.live(task_id, time.time()):
                found.status, found.lease_until = status, 0.0

    async def requeue(self, task_id: str) -> None:
        with self.lock:
            if found := self.live(task_id, time.time()):
                found.status, found.attempts, found.lease_until = Status.QUEUED, 0, 0.0

    async def state(self, task_id: str) -> ClaimState | None:
        with self.lock:
            found = self.live(task_id, time.time())
            return ClaimState(found.status, found.attempts) if found else None

    async def close(self) -> None:
        """The claims outlive any one worker: they are the process's."""


# One per process: the embedded services and the in-process worker see the same claims.
_in_process_claims = InProcessClaims()


def claim_taker(redis_url: str, keep_seconds: int) -> ClaimTaker:
    """Takes claims in the Redis at `redis_url`, or (without one) in the process."""
    if not redis_url:
        return _in_process_claims
    return RedisClaimTaker(SyncRedis.from_url(redis_url, decode_responses=True), keep_seconds)


def claim_store(redis: Redis | None) -> ClaimStore:
    """The claims in the Redis given, or (without Redis) the process's own."""
    return _in_process_claims if redis is None else RedisClaims(redis)
