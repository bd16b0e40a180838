"""The connect state: sealed, expiring, single-use, for one provider, landing only inside the
dashboard."""

import json
import os
import time

import pytest
from cryptography.fernet import Fernet

from external_api.integrations.framework.state import (
    ConnectState,
    InvalidState,
    StartedByAnother,
    Starter,
    StateKeeper,
    dashboard_path,
)
from shared.utilities.encryption import SecretBox
from shared.utilities.errors import InvalidInput
from shared.utilities.redis import create_redis
from tests.external_api.conftest import ENCRYPTION_KEY

LIFETIME = 600
STARTER = Starter(account_id="account-1", user_id="user-1", session_id="session-1")


@pytest.fixture
async def states():
    redis = create_redis(os.environ["REDIS_URL"])
    yield StateKeeper(SecretBox.from_keys([ENCRYPTION_KEY]), redis, LIFETIME)
    await redis.aclose()


async def test_an_issued_state_gives_back_who_and_the_verifier(states):
    sealed = await states.issue("acme", STARTER, "/back", "verifier")

    state, verifier = await states.consume(sealed, "acme", STARTER)

    assert (state.account_id, state.user_id, state.return_path) == ("account-1", "user-1", "/back")
    assert verifier == "verifier"


async def test_the_nonce_expires_with_the_state(states):
    sealed = await states.issue("acme", STARTER, "/back", "verifier")
    nonce = json.loads(states.box.open(sealed))["nonce"]

    ttl = await states.redis.ttl(states.nonce_key(nonce))

    assert 0 < ttl <= LIFETIME


async def test_a_state_is_consumed_once(states):
    sealed = await states.issue("acme", STARTER, "/back", "")
    await states.consume(sealed, "acme", STARTER)

    with pytest.raises(InvalidState, match="already used"):
        await states.consume(sealed, "acme", STARTER)


async def test_a_state_older_than_its_lifetime_is_refused(states):
    sealed = await states.issue("acme", STARTER, "/back", "")
    state = json.loads(states.box.open(sealed))
    old = states.sealed_at(ConnectState(**state), int(time.time()) - LIFETIME - 1)

    with pytest.raises(InvalidState, match="expired"):
        await states.consume(old, "acme", STARTER)


async def test_a_state_sealed_with_another_key_is_refused(states):
    other = StateKeeper(SecretBox.from_keys([Fernet.generate_key().decode()]), states.redis, 60)
    sealed = await other.issue("acme", STARTER, "/back", "")

    with pytest.raises(InvalidState):
        await states.consume(sealed, "acme", STARTER)


@pytest.mark.parametrize(
    "finisher",
    [
        Starter("account-1", "user-2", "session-1"),
        Starter("account-1", "user-1", "session-2"),
        Starter("account-2", "user-1", "session-1"),
    ],
    ids=["another user", "another session", "another account"],
)
async def test_a_state_is_refused_to_anyone_but_its_starter_and_kept_for_them(states, finisher):
    sealed = await states.issue("acme", STARTER, "/back", "verifier")

    with pytest.raises(StartedByAnother):
        await states.consume(sealed, "acme", finisher)

    assert (await states.consume(sealed, "acme", STARTER))[1] == "verifier"


@pytest.mark.parametrize("path", ["/integrations", "/a/b?tab=google", "/"])
def test_dashboard_paths_are_accepted(path):
    assert dashboard_path(path) == path


def test_no_path_lands_on_the_integrations_page():
    assert dashboard_path(None) == "/integrations"


@pytest.mark.parametrize(
    "path", ["https://evil.test", "//evil.test", "/\\evil.test", "evil", "/a\r\nSet-Cookie: x"]
)
def test_paths_leaving_the_dashboard_are_refused(path):
    with pytest.raises(InvalidInput):
        dashboard_path(path)
