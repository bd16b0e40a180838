"""Who may pass: the session exchanged for a token, the rate limits counted, or a refusal.

Both the proxy and the exchange endpoint (Traefik's forwardAuth) decide here, the same way.
"""

import asyncio
import functools
from dataclasses import dataclass

from router.bearer import Bearers
from router.ratelimit import RateLimiter, Verdict
from router.routing import Routes
from router.session_cache import SessionCache
from router.tokens import CACHED_SESSIONS, TokenMinter
from shared.utilities import impersonation, sessions
from shared.utilities.errors import RateLimited, ServiceUnavailable, Unauthorized

SESSION_HEADER = "x-session-id"


@dataclass(frozen=True)
class Admission:
    authorization: bytes | None  # b"Bearer <jwt>"; None for a public route without a session
    rate_limit: Verdict | None  # None when no limit applies

    def response_headers(self) -> dict[str, str]:
        return self.rate_limit.headers() if self.rate_limit else {}


class AdmissionTimeout(ServiceUnavailable):
    code, message = "admission_timeout", "The session store did not answer in time."


@dataclass(frozen=True)
class RememberingSeal(sessions.StateSeal):
    """A seal that remembers what it opened. Redis answers a session with the same sealed text
    until its state changes (a new state is a new text), so the MAC and the parse are done once
    per state rather than on every request. Callers share the state returned: read only."""

    @functools.lru_cache(maxsize=CACHED_SESSIONS)  # noqa: B019 (the router's seal lives as long as the process)
    def open(self, cached: str | bytes) -> sessions.SessionState | None:
        return super().open(cached)


class Gate:
    def __init__(
        self,
        sessions: SessionCache,
        routes: Routes,
        minter: TokenMinter,
        limiter: RateLimiter,
        timeout_seconds: float,
        bearers: Bearers | None = None,
    ) -> None:
        self.sessions = sessions
        self.routes = routes
        self.minter = minter
        self.limiter = limiter
        self.timeout_seconds = timeout_seconds
        self.bearers = bearers

    async def admit(
        self, method: str, path: str, session_id: str, client_ip: str, bearer: str = ""
    ) -> Admission:
        """Raises RateLimited over a limit, Unauthorized without a live session on a private
        route, AccountSuspended or AccountDeleted for a session acting in such an account
        (but where it leaves it), ImpersonationReadOnly for a write of an operator's view as
        a user, ServiceUnavailable when the stores take longer than the
        timeout. A revoked session is refused from its next request (router.session_cache).
        Without a session, a third party's `bearer` credential is exchanged on a private route
        (router.bearer)."""
        try:
            async with asyncio.timeout(self.timeout_seconds):
                # On a public route a third party's credential is ignored, as a client's own
                # Authorization always is.
                third_party = bearer and not session_id and not self.routes.is_public(method, path)
                if third_party and self.bearers:
                    return Admission(*await self.bearers.admit(path, bearer, client_ip))
                return await self.decide(method, path, session_id, client_ip)
        except TimeoutError:
            raise AdmissionTimeout() from None

    async def decide(self, method: str, path: str, session_id: str, client_ip: str) -> Admission:
        state = None
        if session_id:
            state = await self.sessions.lookup(session_id)
        subjects = {"ip": client_ip}
        if state:
            subjects |= {"session": state.session_id, "account": state.account_id}
        # Counted before a refusal too, so guessing session ids is limited per address.
        verdict = await self.limiter.hit(subjects) if self.limiter.counts else None
        if verdict and not verdict.allowed:
            raise RateLimited(headers=verdict.headers())
        if state:
            closed = state.closed_account()
            if closed and not self.routes.leaves_account(method, path):
                raise closed(headers=verdict.headers() if verdict else None)
            if impersonation.refuses(state.impersonated_by, method, path):
                raise impersonation.ImpersonationReadOnly(
                    headers=verdict.headers() if verdict else None
                )
            session_hash = sessions.hash_session_id(session_id)
            return Admission(self.minter.authorization(session_hash, state), verdict)
        if self.routes.is_public(method, path):
            return Admission(None, verdict)
        raise Unauthorized(
            "The session is unknown, expired or revoked."
            if session_id
            else f"A session is required ({SESSION_HEADER}).",
            headers=verdict.headers() if verdict else None,
        )
