"""What happens to a session that open sockets must hear about at once, on every replica: the
service that changes it publishes an event on Redis, and each socket service's replicas listen
(`shared.utilities.socket_sessions`) and close or re-scope the sockets they hold.

- `session_revoked`: a logout or a revocation; the session's sockets are closed.
- `membership_changed`: the user's role in an account changed, or they left it; each of the
  user's sockets is checked again (closed when its account is no longer theirs, its scopes
  and followed sub-accounts brought up to date otherwise).
- `account_closed`: the account was suspended or deleted; every socket acting in it is checked
  again, and so closed, telling why (`account_suspended`, `account_deleted`).

    await session_events.session_revoked(redis, user_id, session_id)

An event is published after the change is stored, so a socket checked on hearing it reads the
change. A replica that missed events (Redis away) checks all its sockets when it is back.
"""

from enum import StrEnum

from pydantic import BaseModel
from redis.asyncio import Redis

CHANNEL = "platform:session-events"


class SessionEventKind(StrEnum):
    SESSION_REVOKED = "session_revoked"
    MEMBERSHIP_CHANGED = "membership_changed"
    ACCOUNT_CLOSED = "account_closed"


class SessionEvent(BaseModel):
    kind: SessionEventKind
    user_id: str = ""  # whose session or membership changed; none for account_closed
    session_id: str = ""  # the session document's id, for session_revoked
    account_id: str = ""  # the account whose membership changed, or that was closed


async def publish(redis: Redis, event: SessionEvent) -> None:
    await redis.publish(CHANNEL, event.model_dump_json())


async def session_revoked(redis: Redis, user_id: object, session_id: object) -> None:
    event = SessionEventKind.SESSION_REVOKED
    await publish(redis, SessionEvent(kind=event, user_id=str(user_id), session_id=str(session_id)))


async def membership_changed(redis: Redis, user_id: object, account_id: object) -> None:
    event = SessionEventKind.MEMBERSHIP_CHANGED
    await publish(redis, SessionEvent(kind=event, user_id=str(user_id), account_id=str(account_id)))


async def account_closed(redis: Redis, account_id: object) -> None:
    event = SessionEventKind.ACCOUNT_CLOSED
    await publish(redis, SessionEvent(kind=event, account_id=str(account_id)))
