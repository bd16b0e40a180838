"""Who is online in an account: a count of open sockets per user in Redis (one hash per
account), so several tabs and several replicas add up; `presence` goes to the account's room
when a user's first socket opens and when their last one closes.

Presence is best effort: with Redis unreachable the connection still works and the change is
logged, not announced. A replica that dies without closing its sockets leaves its counts
behind until the users reconnect and disconnect again.
"""

import logging

import socketio
from redis.asyncio import Redis
from redis.exceptions import RedisError

from shared.utilities.auth import Principal
from shared.utilities.realtime import account_room

logger = logging.getLogger(__name__)


def presence_key(account_id: str) -> str:
    return f"conversation:presence:{account_id}"


class Presence:
    def __init__(self, sio: socketio.AsyncServer, redis: Redis) -> None:
        self.sio = sio
        self.redis = redis

    async def opened(self, principal: Principal) -> None:
        await self.change(principal, +1)

    async def closed(self, principal: Principal) -> None:
        await self.change(principal, -1)

    async def change(self, principal: Principal, step: int) -> None:
        try:
            count = await self.redis.hincrby(
                presence_key(principal.account_id), principal.sub, step
            )
        except RedisError:
            logger.warning("presence not recorded for %s: Redis is unreachable", principal.sub)
            return
        if (step > 0 and count == 1) or (step < 0 and count <= 0):
            status = "online" if step > 0 else "offline"
            await self.sio.emit(
                "presence",
                {"user_id": principal.sub, "status": status},
                room=account_room(principal.account_id),
            )

    async def online(self, account_id: str) -> list[str]:
        counts = await self.redis.hgetall(presence_key(account_id))
        return sorted(user for user, count in counts.items() if int(count) > 0)
