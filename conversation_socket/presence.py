"""Who is online in an account: a count of open sockets per user in Redis (one hash per
account), so several tabs and several replicas add up. A user is online from their first
socket to their last.

Changes are announced to the account's room in batches: each replica gathers the users whose
status changed for `ANNOUNCE_SECONDS` and sends one `presence` event,
`{"online": [user ids], "offline": [user ids]}`. Announcing each change on its own costs every
socket of the account an event per change: a thousand users of one account connecting at
once would be a million deliveries, where batches make it a few thousand.

Presence is best effort: with Redis unreachable the connection still works and the change is
logged, not announced. A replica that dies without closing its sockets leaves its counts
behind until the users reconnect and disconnect again.
"""

import asyncio
import logging
from collections.abc import Callable

import socketio
from redis.asyncio import Redis
from redis.exceptions import RedisError

from shared.utilities.auth import Principal
from shared.utilities.realtime import account_room, presence_key

logger = logging.getLogger(__name__)

# Redis calls for presence at once per process: a thousand sockets opening or closing
# together wait their turn instead of exhausting the client's connection pool.
CONCURRENT_UPDATES = 16
# How long a replica gathers an account's changes before announcing them.
ANNOUNCE_SECONDS = 0.25


class Presence:
    def __init__(self, sio: socketio.AsyncServer, redis: Callable[[], Redis]) -> None:
        self.sio = sio
        self.redis = redis  # the app's client, made in its lifespan
        self.updates = asyncio.Semaphore(CONCURRENT_UPDATES)
        # account id → user id → "online" or "offline", not announced yet
        self.changes: dict[str, dict[str, str]] = {}
        self.announcements: set[asyncio.Task] = set()

    async def opened(self, principal: Principal) -> None:
        await self.change(principal, +1)

    async def closed(self, principal: Principal) -> None:
        await self.change(principal, -1)

    async def change(self, principal: Principal, step: int) -> None:
        key = presence_key(principal.account_id)
        try:
            async with self.updates:
                count = await self.redis().hincrby(key, principal.sub, step)
        except RedisError as error:
            logger.warning("presence not recorded for %s: %s", principal.sub, error)
            return
        if (step > 0 and count == 1) or (step < 0 and count <= 0):
            self.note(principal.account_id, principal.sub, "online" if step > 0 else "offline")

    def note(self, account_id: str, user_id: str, status: str) -> None:
        """Keep the change for the account's next announcement, starting one if none waits."""
        waiting = account_id in self.changes
        self.changes.setdefault(account_id, {})[user_id] = status
        if not waiting:
            task = asyncio.create_task(self.announce(account_id))
            self.announcements.add(task)
            task.add_done_callback(self.announcements.discard)

    async def announce(self, account_id: str) -> None:
        await asyncio.sleep(ANNOUNCE_SECONDS)
        changed = self.changes.pop(account_id, {})
        statuses = {
            status: sorted(user for user, now in changed.items() if now == status)
            for status in ("online", "offline")
        }
        try:
            await self.sio.emit("presence", statuses, room=account_room(account_id))
        except Exception:  # nobody awaits this task: say why the change was not announced
            logger.exception("could not announce presence in %s", account_id)

    async def online(self, account_id: str) -> list[str]:
        counts = await self.redis().hgetall(presence_key(account_id))
        # The app's client decodes answers: the user ids are text already.
        return sorted(str(user) for user, count in counts.items() if int(count) > 0)
