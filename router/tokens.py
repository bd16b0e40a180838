"""Minting the short-lived JWT a session is exchanged for, signed once per session and reused.

Signing costs far more than the rest of a request, so each session's token is kept in process
until shortly before it expires. The token is reused only while it says what the session's state
says now: a role, scope or account change mints a new one at once.
"""

import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Protocol

from router.settings import RouterSettings
from shared.utilities.auth import Principal, TokenSigner
from shared.utilities.keys import development_key_pair

# A reused token still has this share of its lifetime to live when forwarded (a minute of five),
# plenty for any upstream to check it.
REFRESH_MARGIN = 0.2
CACHED_SESSIONS = 10_000


class State(Protocol):
    """What a token is minted for: a session's state, or a third party's credential's
    (router.bearer)."""

    def principal(self) -> Principal: ...


@dataclass
class MintedToken:
    principal: Principal  # what the token says
    authorization: bytes  # b"Bearer <jwt>", ready for the header
    refresh_at: float
    # The state it was last found to agree with: the session cache answers the same object
    # while the state is unchanged, so the principal need not be built and compared again.
    state: State


class TokenMinter:
    def __init__(self, signer: TokenSigner, capacity: int = CACHED_SESSIONS) -> None:
        self.signer = signer
        self.capacity = capacity
        self.minted: OrderedDict[str, MintedToken] = OrderedDict()  # by session hash, LRU

    def authorization(self, session_hash: str, state: State, now: float | None = None) -> bytes:
        """The `Authorization` header value for the session in this state."""
        now = time.time() if now is None else now
        minted = self.minted.get(session_hash)
        if minted and now < minted.refresh_at:
            if minted.state is not state and minted.principal == state.principal():
                minted.state = state
            if minted.state is state:
                self.minted.move_to_end(session_hash)
                return minted.authorization
        principal = state.principal()
        token, expires = self.signer.sign(principal, now)
        refresh_at = expires - self.signer.lifetime_seconds * REFRESH_MARGIN
        minted = MintedToken(principal, b"Bearer " + token.encode(), refresh_at, state)
        self.minted[session_hash] = minted
        self.minted.move_to_end(session_hash)
        if len(self.minted) > self.capacity:
            self.minted.popitem(last=False)
        return minted.authorization


def signer_for(settings: RouterSettings) -> TokenSigner:
    """The user-token signer: the configured key, or the development pair in embedded mode."""
    private_key = settings.jwt_private_key or development_key_pair("user-tokens")[0]
    return TokenSigner(
        private_key, settings.jwt_issuer, settings.jwt_audience, settings.token_lifetime_seconds
    )
