"""Ending sessions: refused at once everywhere (marked revoked in MongoDB, dropped from Redis)
and their open sockets closed (`session_revoked`)."""

from beanie import PydanticObjectId
from redis.asyncio import Redis

from internal_api.auth.repository import SessionRepository
from shared.models.base import utc_now
from shared.models.session import Session
from shared.utilities import session_events, sessions


async def revoke(redis: Redis, session: Session) -> None:
    if session.revoked_at is None:
        await session.set({Session.revoked_at: utc_now()})
    await sessions.forget(redis, session.token_hash)
    await session_events.session_revoked(redis, session.user_id, session.id)


async def revoke_sessions_of(redis: Redis, user_id: str | PydanticObjectId, keep: str = "") -> None:
    """Every session of the user but `keep` (a session document's id)."""
    for session in await SessionRepository(user_id).unrevoked():
        if str(session.id) != keep:
            await revoke(redis, session)
