"""Who is online in an account: a count of open sockets per user in Redis (one hash per
account), so several tabs and several replicas add up; `presence` goes to the account's room
when a user's first socket opens and when their last one closes.

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
from shared.utilities.realtime import account_room

logger = logging.getLogger(__name__)


def presence_key(account_id: str) -> str:
    return f"conversation:presence:{account_id}"


# Redis calls for presence at once per process: a thousand sockets opening or closing
# together wait their turn instead of exhausting the client's connection pool.
CONCURRENT_UPDATES = 16


class Presence:
    def __init__(self, sio: socketio.AsyncServer, redis: Callable[[], Redis]) -> None:
        self.sio = sio
        self.redis = redis  # the app's client, made in its lifespan
        self.updates = asyncio.Semaphore(CONCURRENT_UPDATES)

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
            status = "online" if step > 0 else "offline"
            await self.sio.emit(
                "presence",
                {"user_id": principal.sub, "status": status},
                room=account_room(principal.account_id),
            )

    async def online(self, account_id: str) -> list[str]:
        counts = await self.redis().hgetall(presence_key(account_id))
        # The app's client decodes answers: the user ids are text already.
        return sorted(str(user) for user, count in counts.items() if int(count) > 0)
