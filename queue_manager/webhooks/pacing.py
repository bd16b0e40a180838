"""Pacing deliveries per endpoint, so a bulk write (a 5,000-row import emits one
`contact.created` per contact) cannot overwhelm a receiver.

Each endpoint has a rate (`QUEUE_MANAGER_WEBHOOK_RATE_PER_ENDPOINT` deliveries a second) and a
burst (`QUEUE_MANAGER_WEBHOOK_BURST_PER_ENDPOINT` sent at once before the rate applies). Every
delivery books the endpoint's next free slot in Redis, in one round trip (a script, so workers
racing on one endpoint book distinct slots); one whose slot is later is sent then, as a task with
that countdown, never dropped. The bookings live as long as the backlog they describe.
"""

from redis.asyncio import Redis

# KEYS: the endpoint's pace. ARGV: interval between deliveries (ms), burst (deliveries).
# Returns the wait (ms) before this delivery's slot.
BOOK_SLOT = """
local clock = redis.call('TIME')
local now = clock[1] * 1000 + math.floor(clock[2] / 1000)
local interval, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local next_free = tonumber(redis.call('GET', KEYS[1]) or 0)
if next_free < now then next_free = now end
local wait = next_free - now - interval * (burst - 1)
if wait < 0 then wait = 0 end
local booked = next_free + interval
redis.call('SET', KEYS[1], booked, 'PX', booked - now + 1000)
return wait
"""


def pace_key(endpoint_id: str) -> str:
    return f"webhook-pace:{endpoint_id}"


class Pacer:
    def __init__(self, redis: Redis, per_second: float, burst: int) -> None:
        self.redis = redis
        self.interval_ms = max(1, round(1000 / per_second))
        self.burst = burst
        self._book = redis.register_script(BOOK_SLOT)

    async def wait_seconds(self, endpoint_id: str) -> float:
        """Book the endpoint's next slot: how long to wait before sending in it (0: now)."""
        wait_ms = await self._book(
            keys=[pace_key(endpoint_id)], args=[self.interval_ms, self.burst]
        )
        return int(wait_ms) / 1000

    async def close(self) -> None:
        await self.redis.aclose()
