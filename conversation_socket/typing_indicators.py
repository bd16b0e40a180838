"""Typing indicators: not stored, relayed to the conversation's other sockets, and ended by the
server after a few seconds without a fresh `typing:start`, so a client that vanishes mid-word
does not leave "typing..." behind. A socket's typing always goes through the replica holding
it, so its timers live in that process."""

import asyncio
import logging

import socketio

from shared.utilities.realtime import conversation_room

logger = logging.getLogger(__name__)


class TypingIndicators:
    def __init__(self, sio: socketio.AsyncServer, ttl_seconds: float) -> None:
        self.sio = sio
        self.ttl_seconds = ttl_seconds
        # (sid, conversation id) → the timer that ends the indicator
        self.expiries: dict[tuple[str, str], asyncio.Task] = {}

    async def start(self, sid: str, user_id: str, conversation_id: str) -> None:
        self.cancel(sid, conversation_id)
        await self.relay("typing:start", sid, user_id, conversation_id)
        self.expiries[(sid, conversation_id)] = asyncio.create_task(
            self.expire(sid, user_id, conversation_id)
        )

    async def stop(self, sid: str, user_id: str, conversation_id: str) -> None:
        self.cancel(sid, conversation_id)
        await self.relay("typing:stop", sid, user_id, conversation_id)

    async def stop_all(self, sid: str, user_id: str) -> None:
        """The socket left: end everything it was typing in."""
        for typing_sid, conversation_id in list(self.expiries):
            if typing_sid == sid:
                await self.stop(sid, user_id, conversation_id)

    async def expire(self, sid: str, user_id: str, conversation_id: str) -> None:
        await asyncio.sleep(self.ttl_seconds)
        self.expiries.pop((sid, conversation_id), None)
        try:
            await self.relay("typing:stop", sid, user_id, conversation_id)
        except Exception:  # nobody awaits this timer: say why the indicator was not ended
            logger.exception("could not end %s's typing in %s", user_id, conversation_id)

    def cancel(self, sid: str, conversation_id: str) -> None:
        timer = self.expiries.pop((sid, conversation_id), None)
        if timer:
            timer.cancel()

    async def relay(self, event: str, sid: str, user_id: str, conversation_id: str) -> None:
        await self.sio.emit(
            event,
            {"conversation_id": conversation_id, "user_id": user_id},
            room=conversation_room(conversation_id),
            skip_sid=sid,
        )
