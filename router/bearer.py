"""Third parties at the gate: `Authorization: Bearer <access token or API key>` on a private
route is exchanged, exactly as a session is, for the internal JWT carrying only the grant's (or
the key's) account and the granted scopes narrowed to what the user behind it still holds
(`shared.domain.oauth.states`); an unknown, expired or revoked one answers 401 before any
upstream is touched.

How fast a revocation holds: the authorization server writes a tombstone over the credential's
Redis entry at once, and each router keeps what it read for at most ROUTER_BEARER_CACHE_SECONDS
(2 s by default), so a revoked token or key is refused within that bound on every router. A
change to what the user may do reaches the cached state within its Redis lifetime (30 s).

Rate limits: the per-IP and per-account ones as for a session, and per app (an app's calls
across every account it is installed on, ROUTER_RATE_LIMIT_PER_APP); an API key is counted
under the per-session limits, as the user's own credential. The answers carry the same
X-RateLimit-* headers.
"""

import time
from collections import OrderedDict

from redis.asyncio import Redis

from router.ratelimit import RateLimiter, Verdict
from router.tokens import TokenMinter
from shared.domain.oauth import states
from shared.domain.oauth.states import BearerKind, BearerSeal, BearerState
from shared.utilities.errors import Forbidden, RateLimited, Unauthorized
from shared.utilities.secret_tokens import hash_token

CACHED_CREDENTIALS = 10_000
# A third party's credential never acts on the session's own routes (signing out, switching
# account, passwords, two-factor): those take the user's session.
SESSION_ONLY_PREFIXES = ("/v1/auth/",)


class SessionRequired(Forbidden):
    code, message = "session_required", "This route takes the user's own session."


def bearer_credential(authorization: bytes) -> str:
    """The credential of `Bearer <credential>`; empty for any other header."""
    scheme, _, credential = authorization.partition(b" ")
    return credential.strip().decode("latin-1") if scheme.lower() == b"bearer" else ""


def is_client_authentication(authorization: bytes) -> bool:
    """HTTP Basic, how a confidential app authenticates at the token and revocation endpoints
    (public routes): passed on as sent, as no service takes Basic for a user."""
    return authorization[:6].lower() == b"basic "


def rate_subjects(state: BearerState) -> dict[str, str]:
    if state.kind is BearerKind.API_KEY:
        return {"account": state.account_id, "session": f"key:{state.credential_id}"}
    return {"account": state.account_id, "app": state.app_id}


class Bearers:
    def __init__(
        self,
        redis: Redis,
        seal: BearerSeal,
        minter: TokenMinter,
        limiter: RateLimiter,
        cache_seconds: float,
        capacity: int = CACHED_CREDENTIALS,
    ) -> None:
        self.redis = redis
        self.seal = seal
        self.minter = minter
        self.limiter = limiter
        self.cache_seconds = cache_seconds
        self.capacity = capacity
        # By credential hash, least recent first: the state and until when it may be served.
        self.copies: OrderedDict[str, tuple[BearerState, float]] = OrderedDict()

    async def admit(
        self, path: str, credential: str, client_ip: str
    ) -> tuple[bytes, Verdict | None]:
        """The Authorization header to forward and the rate-limit verdict; raises RateLimited,
        Unauthorized, SessionRequired, or the account's closure."""
        credential_hash = hash_token(credential)
        state = await self.lookup(credential, credential_hash)
        subjects = {"ip": client_ip} | (rate_subjects(state) if state else {})
        # Counted before a refusal too, so guessing credentials is limited per address.
        verdict = await self.limiter.hit(subjects) if self.limiter.counts else None
        headers = verdict.headers() if verdict else None
        if verdict and not verdict.allowed:
            raise RateLimited(headers=headers)
        if state is None:
            raise Unauthorized(
                "The access token or API key is unknown, expired or revoked.", headers=headers
            )
        if closed := state.closed_account():
            raise closed(headers=headers)
        if path.startswith(SESSION_ONLY_PREFIXES):
            raise SessionRequired(headers=headers)
        return self.minter.authorization(states.KEY_PREFIX + credential_hash, state), verdict

    async def lookup(self, credential: str, credential_hash: str) -> BearerState | None:
        now = time.monotonic()
        copy = self.copies.get(credential_hash)
        if copy and now < copy[1] and copy[0].expires_at.timestamp() > time.time():
            self.copies.move_to_end(credential_hash)
            return copy[0]
        state = await states.lookup(self.redis, credential, self.seal)
        if state is None:
            self.copies.pop(credential_hash, None)
        elif self.cache_seconds > 0:
            self.copies[credential_hash] = (state, now + self.cache_seconds)
            self.copies.move_to_end(credential_hash)
            if len(self.copies) > self.capacity:
                self.copies.popitem(last=False)
        return state
