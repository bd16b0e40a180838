"""Rate limits per account, session and client address, counted in Redis."""

import pytest

from router.ratelimit import Limit, RateLimiter, parse_limits
from tests.router.conftest import create_session


async def test_a_proxied_answer_carries_the_rate_limit_headers(start_router, session):
    async with start_router(rate_limit_per_session="5/day") as router:
        response = await router.get("/v1/contacts", headers={"x-session-id": session.id})

    assert response.status_code == 200
    assert (response.headers["x-ratelimit-limit"], response.headers["x-ratelimit-remaining"]) == (
        "5",
        "4",
    )
    assert 0 < int(response.headers["x-ratelimit-reset"]) <= 86400


async def test_over_the_limit_answers_429_with_retry_after_without_an_upstream_call(
    start_router, upstream
):
    async with start_router(rate_limit_per_ip="2/day") as router:
        for _ in range(2):
            assert (await router.post("/v1/auth/login")).status_code == 200
        response = await router.post("/v1/auth/login")

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "rate_limited"
    assert response.headers["x-ratelimit-remaining"] == "0"
    assert 0 < int(response.headers["retry-after"]) <= 86400
    assert len(upstream.received) == 2


async def test_the_account_limit_counts_every_session_of_the_account(start_router, session):
    colleague = await create_session(account=session.account)
    async with start_router(rate_limit_per_account="1/day") as router:
        await router.get("/v1/contacts", headers={"x-session-id": session.id})
        response = await router.get("/v1/contacts", headers={"x-session-id": colleague.id})

    assert response.status_code == 429


async def test_guessing_sessions_is_limited_per_address(start_router, mongo):
    async with start_router(rate_limit_per_ip="1/day") as router:
        await router.get("/v1/contacts", headers={"x-session-id": "guess-1"})
        response = await router.get("/v1/contacts", headers={"x-session-id": "guess-2"})

    assert response.status_code == 429


async def test_the_headers_report_the_tightest_limit(redis):
    limiter = RateLimiter(redis, {"ip": (Limit(100, 60), Limit(3, 86400))})

    verdict = await limiter.hit({"ip": "203.0.113.1"}, now=1_000_000)

    assert (verdict.limit, verdict.remaining) == (3, 2)


async def test_retry_after_waits_for_every_exceeded_window(redis):
    limiter = RateLimiter(redis, {"ip": (Limit(1, 1), Limit(1, 3600))})
    now = 2_000_000_000.5  # 0.5 s before the second turns, 1599.5 s before the hour does

    await limiter.hit({"ip": "203.0.113.2"}, now=now)
    verdict = await limiter.hit({"ip": "203.0.113.2"}, now=now)

    assert verdict.headers()["retry-after"] == "1600"


@pytest.mark.parametrize("address", ["203.0.113.4", "2001:db8::4"])
async def test_a_counted_window_expires_when_it_ends(redis, address):
    limiter = RateLimiter(redis, {"ip": (Limit(5, 60),)})

    await limiter.hit({"ip": address}, now=1_000_020)

    (key,) = [key async for key in redis.scan_iter(f"ratelimit:ip:{address}:*")]
    assert key == f"ratelimit:ip:{address}:60:16667"
    assert 0 < await redis.ttl(key) <= 60


async def test_no_limits_means_no_verdict(redis):
    assert await RateLimiter(redis, {}).hit({"ip": "203.0.113.3"}) is None


def test_limits_are_read_as_counts_per_unit():
    assert parse_limits("10/second, 600/minute,1/day") == (
        Limit(10, 1),
        Limit(600, 60),
        Limit(1, 86400),
    )


@pytest.mark.parametrize("text", ["10", "ten/second", "10/fortnight"])
def test_a_malformed_limit_is_refused(text):
    with pytest.raises(ValueError, match="is not like '100/minute'"):
        parse_limits(text)
