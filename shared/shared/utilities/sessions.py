"""Session state shared by the services that issue sessions (internal_api) and the one that
exchanges them for tokens (the router).

The dashboard holds a random session id; only its SHA-256 is stored. MongoDB is the record;
Redis holds `session:<hash>` with what the router needs to mint a token, expiring after the
idle lifetime (each use slides it). Revoking deletes the Redis entry and marks the record, so
the next request anywhere is refused.

A cached state is sealed with an HMAC under SESSION_STATE_KEY, which only internal_api and the
router hold: a write to Redis alone cannot mint a session, and a state whose seal does not
match is ignored (the session is read from MongoDB again). Services without the key (the
sockets) read MongoDB only.
"""

import functools
import hashlib
import hmac
import logging
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Generic, TypeVar

from beanie import PydanticObjectId
from pydantic import BaseModel, Field, ValidationError
from redis.asyncio import Redis

from shared.domain.accounts import repository as accounts
from shared.domain.accounts.errors import CLOSED
from shared.domain.accounts.users import effective_membership
from shared.models.account import AccountStatus
from shared.models.membership import Role
from shared.models.session import Session
from shared.utilities.auth import Authenticator, Principal, TokenKind
from shared.utilities.errors import Forbidden, Unauthorized
from shared.utilities.keys import development_secret
from shared.utilities.secret_tokens import hash_token, new_token
from shared.utilities.settings import RunMode, ServiceSettings

logger = logging.getLogger(__name__)

StateT = TypeVar("StateT", bound=BaseModel)

KEY_PREFIX = "session:"
# A session id nobody holds is remembered briefly, so guessing ids cannot hammer MongoDB.
REFUSED = "refused"
REFUSED_SECONDS = 60
# A session served from Redis is recorded as seen in MongoDB once per this share of its idle time.
RECORD_SEEN_EVERY = 1 / 24


@dataclass(frozen=True)
class Seal(Generic[StateT]):
    """Seals and opens a state cached in Redis: the HMAC-SHA256 of its JSON under the key, then
    the JSON. `context` is mixed into the MAC so a state of one kind never opens as another's
    under the same key."""

    key: bytes
    model: type[StateT]
    context: bytes = b""

    def seal(self, state: StateT) -> str:
        body = state.model_dump_json()
        return f"{self.mac(body)}.{body}"

    def open(self, cached: str | bytes) -> StateT | None:
        """The state, or None when the seal does not match (written by someone without the key,
        or by an older format)."""
        text = cached.decode() if isinstance(cached, bytes) else cached
        mac, _, body = text.partition(".")
        if not hmac.compare_digest(mac.encode(), self.mac(body).encode()):
            logger.warning("a cached %s failed its integrity check", self.model.__name__)
            return None
        try:
            return self.model.model_validate_json(body)
        except ValidationError:
            # Cached before the state gained a field: read it from MongoDB again.
            return None

    def mac(self, body: str) -> str:
        return hmac.new(self.key, self.context + body.encode(), hashlib.sha256).hexdigest()


@functools.cache
def sealed_with(key: str) -> "StateSeal":
    return StateSeal(key.encode())


def seal_for(settings: ServiceSettings) -> "StateSeal":
    """The configured seal; the development secret in embedded mode when none is set."""
    if settings.session_state_key:
        return sealed_with(settings.session_state_key)
    if settings.mode is RunMode.DISTRIBUTED:
        raise ValueError("SESSION_STATE_KEY is required in distributed mode")
    return sealed_with(development_secret("session-states"))


def new_session_id() -> str:
    """256 random bits, URL-safe."""
    return new_token()


def hash_session_id(session_id: str) -> str:
    return hash_token(session_id)


def session_key(token_hash: str) -> str:
    return KEY_PREFIX + token_hash


class SessionState(BaseModel):
    """What a live session lets its holder be, cached in Redis."""

    session_id: str  # the Session document's id
    user_id: str
    account_id: str
    agency_id: str
    role: Role
    scopes: list[str]
    owner_verified: bool  # see Principal
    expires_at: datetime  # absolute end of the session
    # When MongoDB last recorded the session as used: its idle check on a Redis miss reads that.
    seen_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    # A session acting in an account that is not active is refused (`closed_account`), except
    # where it leaves the account; it stays live, so it can switch to another one.
    account_status: AccountStatus = AccountStatus.ACTIVE
    operator: bool = False  # see Principal
    impersonated_by: str = ""  # see Principal

    def closed_account(self) -> type[Forbidden] | None:
        """The refusal for a session acting in a suspended or deleted account; None if active."""
        return CLOSED.get(self.account_status)

    def principal(self) -> Principal:
        return Principal(
            kind=TokenKind.USER,
            sub=self.user_id,
            sid=self.session_id,
            account_id=self.account_id,
            agency_id=self.agency_id,
            role=self.role,
            scopes=self.scopes,
            owner_verified=self.owner_verified,
            operator=self.operator,
            impersonated_by=self.impersonated_by,
        )


@dataclass(frozen=True)
class StateSeal(Seal[SessionState]):
    """Seals and opens the session states cached in Redis."""

    model: type[SessionState] = SessionState


async def state_from_record(session: Session, idle: timedelta) -> SessionState | None:
    """The state of a stored session, or None when it is revoked, expired or idle too long."""
    now = datetime.now(UTC)
    if session.revoked_at or session.expires_at <= now or session.last_seen_at + idle <= now:
        return None
    account = await accounts.account(session.account_id)
    membership = await effective_membership(session.user_id, account) if account else None
    user = await accounts.user(session.user_id) if membership else None
    if account is None or membership is None or user is None:
        return None
    impersonated_by = str(session.impersonated_by or "")
    return SessionState(
        session_id=str(session.id),
        user_id=str(session.user_id),
        account_id=str(account.id),
        agency_id=str(account.agency_id),
        role=membership.role,
        scopes=membership.scopes,
        owner_verified=await accounts.owner_verified(account.agency_id),
        expires_at=session.expires_at,
        seen_at=session.last_seen_at,
        account_status=account.status,
        # An operator's power never passes into a session viewing as someone else.
        operator=user.platform_operator and not impersonated_by,
        impersonated_by=impersonated_by,
    )


async def cache_state(
    redis: Redis, token_hash: str, state: SessionState, idle: timedelta, seal: StateSeal
) -> None:
    remaining = state.expires_at - datetime.now(UTC)
    ttl = max(1, int(min(idle, remaining).total_seconds()))
    await redis.set(session_key(token_hash), seal.seal(state), ex=ttl)


async def forget(redis: Redis, token_hash: str) -> None:
    """Drop the cached state; the next use is checked against MongoDB again."""
    await redis.delete(session_key(token_hash))


async def refresh(redis: Redis, records: Iterable[Session]) -> None:
    """Makes each session read its state from MongoDB on its next use (a role or a claim has
    changed). A session still cached has been used within its idle time, though MongoDB's
    last_seen_at only moves when Redis misses: that is recorded first, so the next read does
    not find the session idle."""
    for record in records:
        if await redis.exists(session_key(record.token_hash)):
            await accounts.mark_session_seen(record.token_hash, datetime.now(UTC))
        await forget(redis, record.token_hash)


async def lookup(
    redis: Redis, session_id: str, idle: timedelta, seal: StateSeal, *, slide: bool = True
) -> SessionState | None:
    """Redis first (sliding the idle expiry unless `slide` is False: a reader that slides it
    now and then itself), then MongoDB; None for a session that is not live."""
    token_hash = hash_session_id(session_id)
    key = session_key(token_hash)
    if slide:
        cached = await redis.getex(key, ex=int(idle.total_seconds()))
    else:
        cached = await redis.get(key)
    if cached == REFUSED:
        return None
    now = datetime.now(UTC)
    state = seal.open(cached) if cached else None
    if state and state.expires_at > now:
        if now - state.seen_at > idle * RECORD_SEEN_EVERY:
            state = await record_seen(redis, token_hash, state, idle, now, seal)
        return state
    recorded = await recorded_state(token_hash, idle)
    if recorded is None:
        await redis.set(key, REFUSED, ex=REFUSED_SECONDS)
        return None
    return await record_seen(redis, token_hash, recorded, idle, now, seal)


async def recorded_state(token_hash: str, idle: timedelta) -> SessionState | None:
    """The session's state as MongoDB has it, or None when it is not live."""
    record = await accounts.session_by_token_hash(token_hash)
    return await state_from_record(record, idle) if record else None


async def record_seen(
    redis: Redis,
    token_hash: str,
    state: SessionState,
    idle: timedelta,
    now: datetime,
    seal: StateSeal,
) -> SessionState:
    """Note in MongoDB that the session is in use, so a later Redis miss does not mistake a busy
    session for an idle one; done now and then, not on every request."""
    await accounts.mark_session_seen(token_hash, now)
    seen = state.model_copy(update={"seen_at": now})
    await cache_state(redis, token_hash, seen, idle, seal)
    return seen


async def forget_sessions_of(
    redis: Redis,
    *,
    user_id: PydanticObjectId | None = None,
    account_id: PydanticObjectId | None = None,
) -> None:
    """Drop the cached states of every session of a user or in an account (call it when
    deleting either): their next use is read from MongoDB, where they are no longer live."""
    hashes = await accounts.session_token_hashes(user_id=user_id, account_id=account_id)
    keys = [session_key(token_hash) for token_hash in hashes]
    if keys:
        await redis.delete(*keys)


async def authenticate_handshake(
    auth: Mapping[str, Any] | None, authenticator: Authenticator, idle: timedelta
) -> Principal:
    """Who opens a socket: `{"token": <user JWT>}` is verified like any user token, and
    `{"session_id": ...}` is read from MongoDB (the sockets hold no key to trust Redis's cached
    states with), so a revoked session, or one whose user or account is gone, cannot connect,
    nor one acting in a suspended or deleted account."""
    auth = auth if isinstance(auth, Mapping) else {}
    if token := auth.get("token"):
        principal = authenticator.users.verify(str(token))
        if principal.kind is not TokenKind.USER:
            raise Unauthorized("A user token is required.")
        return principal
    if session_id := auth.get("session_id"):
        state = await recorded_state(hash_session_id(str(session_id)), idle)
        if state is None:
            raise Unauthorized("The session is unknown, expired or revoked.")
        if closed := state.closed_account():
            raise closed()
        return state.principal()
    raise Unauthorized("Send a session_id or a token in the handshake's auth.")
