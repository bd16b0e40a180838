"""The router's copy of session states: served without Redis while Redis reports no change, read
anew after any change made elsewhere, and not trusted when the link to Redis breaks."""

import asyncio
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta

import pytest

from router import session_cache
from router.session_cache import SessionCache
from router.settings import RouterSettings
from shared.models.membership import Role
from shared.utilities import sessions
from tests.router.conftest import LiveSession

IDLE = timedelta(days=7)


async def until(condition: Callable[[], bool]) -> None:
    """Waits for what Redis reports in the background (never for long: it is local)."""
    for _ in range(500):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the condition never held")


@pytest.fixture
async def cache(redis, mongo) -> AsyncIterator[SessionCache]:
    url = RouterSettings().redis_url
    seal = sessions.seal_for(RouterSettings())
    async with session_cache.session_cache(url, redis, IDLE, seal) as cache:
        await until(lambda: cache.linked)
        yield cache


class NoRedis:
    """Stands for the cache's connection where a test proves Redis is not asked."""

    def __getattr__(self, name):
        raise AssertionError(f"Redis was asked ({name})")


def key_of(session: LiveSession) -> str:
    return sessions.session_key(sessions.hash_session_id(session.id))


async def test_a_known_session_is_answered_without_asking_redis(cache, session):
    first = await cache.lookup(session.id)
    cache.reader = NoRedis()  # type: ignore[assignment]  # a stand-in that refuses every call

    again = await cache.lookup(session.id)

    assert again == first and again is not None


async def test_a_state_changed_elsewhere_is_read_anew(cache, session, redis):
    state = await cache.lookup(session.id)
    assert state is not None
    demoted = state.model_copy(update={"role": Role.MEMBER})

    await redis.set(key_of(session), sessions.seal_for(RouterSettings()).seal(demoted), ex=60)
    await until(lambda: cache.copies[key_of(session)].state is None)

    again = await cache.lookup(session.id)
    assert again is not None and again.role is Role.MEMBER


async def test_a_revoked_session_is_refused_at_its_next_lookup(cache, session, redis):
    await cache.lookup(session.id)

    await session.record.set({"revoked_at": datetime.now(UTC)})
    await sessions.forget(redis, sessions.hash_session_id(session.id))
    await until(
        lambda: key_of(session) not in cache.copies or not cache.copies[key_of(session)].state
    )

    assert await cache.lookup(session.id) is None


async def test_its_own_reads_do_not_drop_what_it_read(cache, session):
    await cache.lookup(session.id)
    await asyncio.sleep(0.05)  # time for a report Redis would send

    assert cache.copies[key_of(session)].state is not None


async def test_the_expiry_slides_once_per_interval_not_per_request(cache, session, redis):
    await cache.lookup(session.id)
    await redis.expire(key_of(session), 100)  # as if time had passed; reported as a change
    await until(lambda: cache.copies[key_of(session)].state is None)

    await cache.lookup(session.id)  # read again, within the interval: not slid
    assert await redis.ttl(key_of(session)) <= 100

    cache.copies[key_of(session)].slide_at = 0  # the interval has passed
    await cache.lookup(session.id)
    assert await redis.ttl(key_of(session)) > 100


async def test_a_broken_link_drops_every_copy_and_reads_redis_until_it_is_back(
    cache, session, redis
):
    await cache.lookup(session.id)
    assert cache.reader is not None
    reader_id = await cache.reader.client_id()

    await redis.client_kill_filter(_id=reader_id)
    with pytest.raises(Exception):  # noqa: B017 (the connection's error, whichever redis-py raises)
        await cache.read(key_of(session), session.id, None, 0)

    assert cache.copies == {} and not cache.linked
    assert await cache.lookup(session.id) is not None  # from Redis meanwhile
    await until(lambda: cache.linked)


async def test_a_silent_listener_stops_the_copies_being_served(cache, session):
    await cache.lookup(session.id)

    cache.heard_at -= session_cache.SILENCE_SECONDS

    assert not cache.linked


async def test_without_a_redis_url_every_lookup_reads_the_fallback(redis, session):
    seal = sessions.seal_for(RouterSettings())
    async with session_cache.session_cache("", redis, IDLE, seal) as cache:
        state = await cache.lookup(session.id)

    assert state is not None and not cache.linked and cache.copies == {}
