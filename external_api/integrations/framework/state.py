"""The `state` of an OAuth connect: sealed, expiring, single-use, bound to who started it.

It carries the account, the user and the session that started the connect, the provider and
where the dashboard wants to land, sealed with the credential keys (authenticated encryption:
neither readable nor forgeable, its age checked on opening). Only that same user, in that same
session and account, can complete it: a consent link sent to somebody else cannot attach their
Google or Facebook data to the sender's account. Its nonce is a Redis key holding the PKCE
verifier, deleted as it is read (GETDEL), so a state is accepted once and the verifier never
leaves the server.
"""

import json
import secrets
from dataclasses import asdict, dataclass

from redis.asyncio import Redis

from shared.utilities.auth import Principal
from shared.utilities.encryption import SecretBox, SecretUnreadable
from shared.utilities.errors import BadRequest, Forbidden, InvalidInput

DEFAULT_RETURN_PATH = "/integrations"


class InvalidState(BadRequest):
    """The connect link is forged, expired, for another provider, or already used."""

    code = "invalid_state"
    message = "This connect link is not valid; start connecting again."


class StartedByAnother(Forbidden):
    """The connect was started by another user, in another session or for another account."""

    code = "connect_started_by_another"
    message = "This connect was started by someone else; start connecting again yourself."


@dataclass(frozen=True)
class Starter:
    """Who starts or completes a connect: a signed-in user, in a session, acting in an account."""

    account_id: str
    user_id: str
    session_id: str

    @classmethod
    def of(cls, principal: Principal) -> "Starter":
        return cls(principal.account_id, principal.sub, principal.sid)


@dataclass(frozen=True)
class ConnectState:
    provider: str
    account_id: str
    user_id: str
    session_id: str
    return_path: str
    nonce: str

    @property
    def starter(self) -> Starter:
        return Starter(self.account_id, self.user_id, self.session_id)


def dashboard_path(path: str | None) -> str:
    """A path inside the dashboard; anything else (another host, a scheme) is refused, so a
    finished connect can never send a user off the platform."""
    path = path or DEFAULT_RETURN_PATH
    if (
        not path.startswith("/")
        or path.startswith("//")
        or "\\" in path
        or any(ord(char) < 0x20 for char in path)
    ):
        raise InvalidInput(
            "The return path must be a path inside the dashboard.",
            details=[{"field": "return_path", "message": "must start with a single /"}],
            location="query",
        )
    return path


class StateKeeper:
    def __init__(self, box: SecretBox, redis: Redis, lifetime_seconds: int) -> None:
        self.box = box
        self.redis = redis
        self.lifetime = lifetime_seconds

    @staticmethod
    def nonce_key(nonce: str) -> str:
        return f"integrations:oauth:state:{nonce}"

    async def issue(self, provider: str, starter: Starter, return_path: str, verifier: str) -> str:
        state = ConnectState(
            provider,
            starter.account_id,
            starter.user_id,
            starter.session_id,
            return_path,
            secrets.token_urlsafe(24),
        )
        await self.redis.set(self.nonce_key(state.nonce), verifier, ex=self.lifetime)
        return self.box.seal(json.dumps(asdict(state)))

    def sealed_at(self, state: ConnectState, issued_at: int) -> str:
        """The state as if issued at `issued_at`: for tests of expiry."""
        return self.box.seal_at(json.dumps(asdict(state)), issued_at)

    async def consume(
        self, sealed: str, provider: str, finisher: Starter
    ) -> tuple[ConnectState, str]:
        """The state and its PKCE verifier ("" without PKCE); refused if not valid now or not
        the finisher's own. A state refused to someone else is left for its starter."""
        try:
            state = ConnectState(**json.loads(self.box.open(sealed, self.lifetime)))
        except (SecretUnreadable, ValueError, TypeError):
            raise InvalidState("This connect link is forged or has expired.") from None
        if state.provider != provider:
            raise InvalidState("This connect link is for another provider.")
        if state.starter != finisher:
            raise StartedByAnother()
        verifier = await self.redis.getdel(self.nonce_key(state.nonce))
        if verifier is None:
            raise InvalidState("This connect link was already used or has expired.")
        return state, verifier.decode() if isinstance(verifier, bytes) else verifier
