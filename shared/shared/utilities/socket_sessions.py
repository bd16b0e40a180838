"""Open sockets follow the session they were opened with, on every replica.

Each replica of a socket service follows the user sockets it holds:

- it listens for `shared.utilities.session_events` on Redis: a revoked session's sockets are
  told why (`session:ended`) and closed; on a membership change each of the user's sockets is
  checked again, and on an account's suspension or deletion each socket acting in it;
- it checks each socket again when its handshake token expires (a session's socket every
  `RECHECK_SECONDS`), as the router checks an HTTP caller each time it mints a token.

Checking a socket again reads its session and the user's membership in the socket's account:
a session revoked, expired or idle too long, an account the user no longer acts in, or one
suspended or deleted (told as `account_suspended` / `account_deleted`), ends the socket; a
changed role or scopes is saved on the socket (told as `session:refreshed`), and the service's
`rescope` hook re-checks what the socket follows (conversation rooms, sub-accounts). The
sockets of a replica that lost Redis are all checked when it is back.
"""

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager, suppress
from typing import Any

import jwt
import socketio
from beanie import PydanticObjectId
from fastapi import FastAPI
from pydantic import ValidationError
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

from shared.domain.accounts import repository
from shared.utilities import redis as redis_utils
from shared.utilities.auth import Principal, TokenKind
from shared.utilities.errors import DomainError, Unauthorized
from shared.utilities.realtime import account_room, user_room
from shared.utilities.repository import object_id
from shared.utilities.session_events import CHANNEL, SessionEvent, SessionEventKind
from shared.utilities.sessions import SessionState, state_from_record

logger = logging.getLogger(__name__)

# A socket is checked at least this often: the lifetime of the router's user tokens.
RECHECK_SECONDS = 300
SWEEP_SECONDS = 1
# Sockets checked at once per replica, so a sweep after a Redis outage does not flood MongoDB.
CONCURRENT_CHECKS = 16
RECONNECT_SECONDS = 1

Rescope = Callable[[str, Principal], Awaitable[None]]


class SessionEnded(Unauthorized):
    """The session the socket was opened with is over (revoked, expired, idle too long), or
    the user no longer acts in the socket's account."""

    code = "session_ended"
    message = "The session has ended; sign in again."


class TokenExpired(Unauthorized):
    """The socket was opened with a token that belongs to no session, and it has expired."""

    code = "token_expired"
    message = "The token has expired; connect again with a fresh one."


def token_expiry(auth: Any) -> float | None:
    """When the handshake's user token expires (it has been verified already); None for a
    handshake with a session id."""
    token = auth.get("token") if isinstance(auth, dict) else None
    if not token:
        return None
    return float(jwt.decode(str(token), options={"verify_signature": False})["exp"])


async def current_state(principal: Principal, idle: Any) -> SessionState | None:
    """What the socket's session is now in the socket's account; None once the session is over
    or the account is no longer theirs."""
    session_id = object_id(principal.sid)
    record = await repository.session(session_id) if session_id else None
    if record is None:
        return None
    # The session may have switched to another account since; the socket stays in its own.
    in_socket_account = record.model_copy(
        update={"account_id": PydanticObjectId(principal.account_id)}
    )
    return await state_from_record(in_socket_account, idle)


def subscriber_for(redis_url: str) -> Redis:
    """A client of the subscription's own that never retries on its own: a broken connection
    must end the subscription, so that the sockets are checked for what it missed."""
    if not redis_url:
        return redis_utils.in_process_redis(decode_responses=True)
    return Redis.from_url(redis_url, decode_responses=True, retry=Retry(NoBackoff(), 0))


class SessionFollower:
    def __init__(self, sio: socketio.AsyncServer, api: FastAPI, rescope: Rescope | None = None):
        self.sio = sio
        self.api = api
        self.rescope = rescope
        self.due: dict[str, float] = {}  # socket id → when it is checked again
        self.checks = asyncio.Semaphore(CONCURRENT_CHECKS)

    def follow(self, sid: str, principal: Principal, auth: Any) -> None:
        """Follow a user socket just accepted."""
        if principal.kind is TokenKind.USER:
            self.due[sid] = token_expiry(auth) or time.time() + RECHECK_SECONDS

    def forget(self, sid: str) -> None:
        self.due.pop(sid, None)

    def sockets_in(self, room: str) -> list[str]:
        """The room's sockets on this replica."""
        return [sid for sid, _ in self.sio.manager.get_participants("/", room)]

    async def apply(self, event: SessionEvent) -> None:
        if event.kind is SessionEventKind.ACCOUNT_CLOSED:
            for sid in self.sockets_in(account_room(event.account_id)):
                # The room holds agency users following the sub-account too: each socket
                # is ended only if it acts in the account.
                await self.recheck(sid)
            return
        for sid in self.sockets_in(user_room(event.user_id)):
            if event.kind is SessionEventKind.MEMBERSHIP_CHANGED:
                await self.recheck(sid)
            elif (await self.principal_of(sid)).sid == event.session_id:
                await self.end(sid, SessionEnded())

    async def principal_of(self, sid: str) -> Principal:
        return (await self.sio.get_session(sid))["principal"]

    async def recheck(self, sid: str) -> None:
        """Check the socket against its session now; end it or bring it up to date."""
        async with self.checks:
            if sid not in self.due:  # closed meanwhile
                return
            before = await self.principal_of(sid)
            state = await current_state(before, self.api.state.settings.session_idle)
            if state is None:
                await self.end(sid, SessionEnded() if before.sid else TokenExpired())
                return
            if closed := state.closed_account():
                await self.end(sid, closed())
                return
            now = state.principal()
            self.due[sid] = time.time() + RECHECK_SECONDS
            changed = (now.role, now.scopes) != (before.role, before.scopes)
            if changed:
                session = await self.sio.get_session(sid)
                await self.sio.save_session(sid, {**session, "principal": now})
            if self.rescope:
                await self.rescope(sid, now)
            if changed:  # told once the socket follows only what it may
                refreshed = {"role": now.role, "scopes": now.scopes}
                await self.sio.emit("session:refreshed", refreshed, to=sid, ignore_queue=True)

    async def end(self, sid: str, reason: DomainError) -> None:
        """Tell the client why, then close: both go straight to the socket this replica holds,
        so the reason arrives before the close."""
        self.forget(sid)
        ended = {"code": reason.code, "message": reason.message}
        await self.sio.emit("session:ended", ended, to=sid, ignore_queue=True)
        await self.sio.disconnect(sid, ignore_queue=True)

    async def sweep(self) -> None:
        """Check every socket whose time has come, for as long as the service runs."""
        while True:
            await asyncio.sleep(SWEEP_SECONDS)
            now = time.time()
            due = [sid for sid, at in self.due.items() if at <= now]
            await asyncio.gather(*(self.checked(sid) for sid in due))

    async def checked(self, sid: str) -> None:
        try:
            await self.recheck(sid)
        except Exception:  # the socket is checked again on the next sweep
            logger.exception("could not check socket %s against its session", sid)

    async def listen(self) -> None:
        """Apply session events as they come, for as long as the service runs; after a break
        in the subscription every socket is checked, for what was published meanwhile."""
        while True:
            subscriber = subscriber_for(self.api.state.settings.redis_url)
            try:
                async with subscriber.pubsub() as pubsub:
                    await pubsub.subscribe(CHANNEL)
                    self.due = dict.fromkeys(self.due, 0.0)
                    async for message in pubsub.listen():
                        await self.received(message)
            except (RedisError, OSError) as error:
                logger.warning("session events: %s; subscribing again", error)
                await asyncio.sleep(RECONNECT_SECONDS)
            finally:
                await subscriber.aclose()

    async def received(self, message: dict[str, Any]) -> None:
        if message.get("type") != "message":
            return
        try:
            await self.apply(SessionEvent.model_validate_json(message["data"]))
        except ValidationError:
            logger.warning("session events: not an event: %r", message["data"])
        except Exception:
            logger.exception("session events: could not apply %r", message["data"])

    @asynccontextmanager
    async def running(self) -> AsyncIterator[None]:
        tasks = [asyncio.create_task(self.listen()), asyncio.create_task(self.sweep())]
        try:
            yield
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with suppress(asyncio.CancelledError):
                    await task


@asynccontextmanager
async def following_sessions(app: FastAPI) -> AsyncIterator[None]:
    """The app's lifespan part that runs its `session_follower`."""
    async with app.state.session_follower.running():
        yield
