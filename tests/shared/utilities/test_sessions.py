"""Session state: Redis first, MongoDB on a miss (then cached), refusals remembered briefly."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from shared.models.base import utc_now
from shared.models.membership import Role
from shared.models.session import Session
from shared.utilities import sessions
from shared.utilities.redis import create_redis
from shared.utilities.settings import ServiceSettings
from tests.factories import (
    create_account,
    create_membership,
    create_session,
    create_signed_in,
    create_sub_account,
    create_user,
)

IDLE = timedelta(hours=1)
# The seal internal_api and the router share (embedded mode's development secret).
SEAL = sessions.seal_for(ServiceSettings())


@pytest.fixture
async def redis():
    client = create_redis(ServiceSettings().redis_url)
    yield client
    await client.aclose()


def key(session_id: str) -> str:
    return sessions.session_key(sessions.hash_session_id(session_id))


async def test_session_ids_are_random_and_only_their_hash_is_a_key():
    first, second = sessions.new_session_id(), sessions.new_session_id()

    assert first != second
    assert len(first) >= 43
    assert first not in sessions.hash_session_id(first)


async def test_a_live_session_is_read_from_mongodb_on_a_miss_and_cached(mongo, redis):
    owner = await create_signed_in()

    state = await sessions.lookup(redis, owner.session_id, IDLE, SEAL)

    assert state.principal() == owner.state.principal()
    assert SEAL.open(await redis.get(key(owner.session_id))) == state
    assert 0 < await redis.ttl(key(owner.session_id)) <= IDLE.total_seconds()


async def test_a_cached_session_is_answered_from_redis_alone(mongo, redis):
    owner = await create_signed_in()
    await sessions.cache_state(
        redis, sessions.hash_session_id(owner.session_id), owner.state, IDLE, SEAL
    )
    await owner.record.delete()  # MongoDB could not answer it any more

    state = await sessions.lookup(redis, owner.session_id, IDLE, SEAL)

    assert state == owner.state


async def test_a_read_from_mongodb_records_when_the_session_was_last_seen(mongo, redis):
    owner = await create_signed_in()
    long_ago = owner.record.last_seen_at - timedelta(minutes=30)
    await owner.record.set({Session.last_seen_at: long_ago})

    await sessions.lookup(redis, owner.session_id, IDLE, SEAL)

    assert (await Session.get(owner.record.id)).last_seen_at > long_ago


async def test_a_session_busy_in_redis_is_recorded_as_seen_in_mongodb_now_and_then(mongo, redis):
    owner = await create_signed_in()
    long_ago = owner.record.last_seen_at - IDLE / 2
    await owner.record.set({Session.last_seen_at: long_ago})
    stale = owner.state.model_copy(update={"seen_at": long_ago})
    await sessions.cache_state(redis, sessions.hash_session_id(owner.session_id), stale, IDLE, SEAL)

    state = await sessions.lookup(redis, owner.session_id, IDLE, SEAL)

    assert (await Session.get(owner.record.id)).last_seen_at > long_ago
    assert state.seen_at > long_ago


async def test_a_session_seen_recently_costs_mongodb_no_write(mongo, redis):
    owner = await create_signed_in()
    await sessions.cache_state(
        redis, sessions.hash_session_id(owner.session_id), owner.state, IDLE, SEAL
    )

    await sessions.lookup(redis, owner.session_id, IDLE, SEAL)

    assert (await Session.get(owner.record.id)).last_seen_at == owner.record.last_seen_at


@pytest.mark.parametrize(
    "ended",
    [
        {"revoked_at": datetime.now(UTC)},
        {"expires_at": datetime.now(UTC) - timedelta(seconds=1)},
        {"last_seen_at": datetime.now(UTC) - IDLE - timedelta(seconds=1)},
    ],
    ids=["revoked", "expired", "idle"],
)
async def test_an_ended_session_is_refused_and_the_refusal_cached_briefly(mongo, redis, ended):
    account = await create_account()
    user = await create_user()
    await create_membership(account, user)
    session_id = await create_session(user, account, **ended)

    assert await sessions.lookup(redis, session_id, IDLE, SEAL) is None
    assert await redis.get(key(session_id)) == sessions.REFUSED
    assert 0 < await redis.ttl(key(session_id)) <= sessions.REFUSED_SECONDS


async def test_an_unknown_session_is_refused_and_the_refusal_cached_briefly(mongo, redis):
    session_id = sessions.new_session_id()

    assert await sessions.lookup(redis, session_id, IDLE, SEAL) is None
    assert 0 < await redis.ttl(key(session_id)) <= sessions.REFUSED_SECONDS


async def test_a_refusal_in_redis_is_answered_without_mongodb(mongo, redis):
    owner = await create_signed_in()
    await redis.set(key(owner.session_id), sessions.REFUSED, ex=sessions.REFUSED_SECONDS)

    assert await sessions.lookup(redis, owner.session_id, IDLE, SEAL) is None


async def test_forget_sends_the_next_lookup_to_mongodb(mongo, redis):
    owner = await create_signed_in()
    await sessions.lookup(redis, owner.session_id, IDLE, SEAL)
    await owner.record.set({Session.revoked_at: datetime.now(UTC)})

    await sessions.forget(redis, owner.record.token_hash)

    assert await sessions.lookup(redis, owner.session_id, IDLE, SEAL) is None


async def test_a_session_of_a_removed_member_is_refused(mongo, redis):
    owner = await create_signed_in()
    await owner.membership.delete()

    assert await sessions.lookup(redis, owner.session_id, IDLE, SEAL) is None


async def test_an_agency_owner_acts_as_admin_in_its_sub_account(mongo, redis):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)
    session_id = await create_session(owner.user, client)

    state = await sessions.lookup(redis, session_id, IDLE, SEAL)

    assert (state.account_id, state.agency_id) == (str(client.id), str(owner.account.id))
    assert state.role is Role.ADMIN
    assert state.scopes == owner.membership.scopes


async def test_an_agency_member_has_no_access_to_its_sub_accounts(mongo, redis):
    member = await create_signed_in(role=Role.MEMBER)
    client = await create_sub_account(member.account)
    session_id = await create_session(member.user, client)

    assert await sessions.lookup(redis, session_id, IDLE, SEAL) is None


async def test_an_own_membership_in_a_sub_account_wins_over_the_agency_role(mongo, redis):
    owner = await create_signed_in()
    client = await create_sub_account(owner.account)
    await create_membership(client, owner.user, Role.CLIENT)
    session_id = await create_session(owner.user, client)

    state = await sessions.lookup(redis, session_id, IDLE, SEAL)

    assert state.role is Role.CLIENT


async def test_a_state_written_to_redis_without_the_key_mints_no_session(mongo, redis):
    """Whoever can write to Redis alone (not MongoDB) cannot make up a session."""
    account = await create_account()
    forged = sessions.SessionState(
        session_id="forged",
        user_id="attacker",
        account_id=str(account.id),
        agency_id="",
        role=Role.OWNER,
        scopes=["everything"],
        owner_verified=True,
        expires_at=datetime.now(UTC) + timedelta(days=1),
    )
    session_id = sessions.new_session_id()
    for written in (forged.model_dump_json(), sessions.sealed_with("guessed").seal(forged)):
        await redis.set(key(session_id), written)

        assert await sessions.lookup(redis, session_id, IDLE, SEAL) is None


async def test_a_cached_state_altered_in_redis_is_read_again_from_mongodb(mongo, redis):
    owner = await create_signed_in()
    promoted = owner.state.model_copy(update={"role": Role.OWNER, "scopes": ["everything"]})
    sealed = SEAL.seal(owner.state)
    mac = sealed.partition(".")[0]
    await redis.set(key(owner.session_id), f"{mac}.{promoted.model_dump_json()}")

    state = await sessions.lookup(redis, owner.session_id, IDLE, SEAL)

    assert (state.role, state.scopes) == (owner.state.role, owner.state.scopes)


async def test_a_state_cached_before_a_field_was_added_is_read_again_from_mongodb(mongo, redis):
    owner = await create_signed_in()
    older = owner.state.model_dump(mode="json", exclude={"owner_verified"})
    body = json.dumps(older)
    await redis.set(key(owner.session_id), f"{SEAL.mac(body)}.{body}")

    state = await sessions.lookup(redis, owner.session_id, IDLE, SEAL)

    assert state.owner_verified is True


@pytest.mark.parametrize(("verified", "expected"), [(utc_now(), True), (None, False)])
async def test_a_state_says_whether_the_agencys_owner_has_confirmed_their_email(
    mongo, verified, expected
):
    owner = await create_signed_in(email_verified_at=verified)
    client = await create_signed_in(await create_sub_account(owner.account), role=Role.CLIENT)

    for signed_in in (owner, client):
        state = await sessions.recorded_state(sessions.hash_session_id(signed_in.session_id), IDLE)
        assert state.owner_verified is expected


async def test_a_session_whose_user_is_gone_is_refused(mongo, redis):
    owner = await create_signed_in()
    await owner.user.delete()

    assert await sessions.lookup(redis, owner.session_id, IDLE, SEAL) is None


async def test_a_session_whose_account_is_gone_is_refused(mongo, redis):
    owner = await create_signed_in()
    await owner.account.delete()

    assert await sessions.lookup(redis, owner.session_id, IDLE, SEAL) is None


@pytest.mark.parametrize("whose", ["user", "account"])
async def test_deleting_a_user_or_an_account_drops_its_cached_sessions(mongo, redis, whose):
    owner = await create_signed_in()
    token_hash = sessions.hash_session_id(owner.session_id)
    await sessions.cache_state(redis, token_hash, owner.state, IDLE, SEAL)
    await getattr(owner, whose).delete()

    if whose == "user":
        await sessions.forget_sessions_of(redis, user_id=owner.user.id)
    else:
        await sessions.forget_sessions_of(redis, account_id=owner.account.id)

    assert await sessions.lookup(redis, owner.session_id, IDLE, SEAL) is None


def test_a_seal_of_another_context_opens_nothing_under_the_same_key():
    """The router keeps bearer states under the session states' key: neither opens as the
    other."""
    state = sessions.SessionState(
        session_id="s1",
        user_id="u1",
        account_id="a1",
        agency_id="",
        role=Role.OWNER,
        scopes=["contacts:read"],
        owner_verified=True,
        expires_at=datetime.now(UTC) + timedelta(days=1),
    )
    plain = sessions.StateSeal(b"one key")
    other = sessions.Seal(b"one key", sessions.SessionState, context=b"bearer.")

    assert plain.open(plain.seal(state)) == state
    assert other.open(plain.seal(state)) is None
    assert plain.open(other.seal(state)) is None
