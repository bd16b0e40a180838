"""Tokens are signed once per session state and reused until shortly before they expire."""

from datetime import UTC, datetime, timedelta

import pytest

from router.tokens import TokenMinter
from shared.models.membership import Role
from shared.utilities.auth import TokenSigner
from shared.utilities.keys import generate_key_pair
from shared.utilities.sessions import SessionState


@pytest.fixture
def minter() -> TokenMinter:
    return TokenMinter(TokenSigner(generate_key_pair()[0], "iss", "aud", 300), capacity=2)


def state(**overrides) -> SessionState:
    """A session's state, as the router reads it from Redis."""
    fields = {
        "session_id": "s1",
        "user_id": "u1",
        "account_id": "a1",
        "agency_id": "a1",
        "role": Role.ADMIN,
        "scopes": ["contacts:read"],
        "owner_verified": True,
        "expires_at": datetime.now(UTC) + timedelta(days=1),
    }
    return SessionState(**{**fields, **overrides})


NOW = 1_800_000_000
LIVE = state()


def test_the_same_session_in_the_same_state_reuses_its_token(minter):
    first = minter.authorization("hash", LIVE, now=NOW)

    assert minter.authorization("hash", state(expires_at=LIVE.expires_at), now=NOW + 200) == first


def test_a_changed_state_mints_a_new_token(minter):
    first = minter.authorization("hash", LIVE, now=NOW)

    assert minter.authorization("hash", state(account_id="a2"), now=NOW) != first


def test_a_token_with_a_fifth_of_its_life_left_is_replaced(minter):
    first = minter.authorization("hash", LIVE, now=NOW)

    assert minter.authorization("hash", LIVE, now=NOW + 241) != first


def test_the_least_recently_used_session_is_forgotten_beyond_capacity(minter):
    for session_hash in ("first", "second", "first", "third"):
        minter.authorization(session_hash, LIVE, now=NOW)

    assert list(minter.minted) == ["first", "third"]
