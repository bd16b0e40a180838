"""The login throttle on real Redis, with a clock the test moves: free attempts, then waits
that double up to a cap, per email and per address; nothing ever locks an email out."""

import pytest

from internal_api.auth.errors import LoginThrottled
from internal_api.auth.throttle import LoginThrottle, ThrottlePolicy, key
from tests.factories import unique_email

POLICY = ThrottlePolicy(
    free_per_email=3,
    free_per_address=5,
    first_delay_seconds=2,
    max_delay_seconds=10,
    memory_seconds=3600,
)


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def throttle(redis, clock):
    return LoginThrottle(redis, POLICY, clock)


async def wait_asked(throttle: LoginThrottle, email: str, address: str = "") -> int | None:
    """The seconds the attempt is told to wait, or None when it is let through."""
    try:
        await throttle.reserve(email, address)
    except LoginThrottled as refused:
        return int(refused.headers["Retry-After"])
    return None


async def test_the_free_attempts_pass_and_the_next_one_waits_the_first_delay(throttle):
    email = unique_email()

    passed = [await wait_asked(throttle, email) for _ in range(3)]

    assert passed == [None, None, None]
    assert await wait_asked(throttle, email) == 2


async def test_each_attempt_after_the_free_ones_waits_twice_as_long(throttle, clock):
    email = unique_email()
    for _ in range(3):
        await throttle.reserve(email, "")

    waits = []
    for _ in range(3):
        waits.append(await wait_asked(throttle, email))
        clock.now += waits[-1]
        assert await wait_asked(throttle, email) is None

    assert waits == [2, 4, 8]


async def test_the_wait_never_passes_the_cap(throttle, clock):
    email = unique_email()
    for _ in range(10):
        clock.now += 60
        await throttle.reserve(email, "")

    assert await wait_asked(throttle, email) == 10


async def test_an_early_attempt_is_not_counted(throttle, clock):
    email = unique_email()
    for _ in range(3):
        await throttle.reserve(email, "")
    for _ in range(20):
        await wait_asked(throttle, email)

    clock.now += 2

    assert await wait_asked(throttle, email) is None


async def test_an_address_trying_many_emails_is_slowed_down(throttle):
    for _ in range(5):
        await throttle.reserve(unique_email(), "203.0.113.7")

    assert await wait_asked(throttle, unique_email(), "203.0.113.7") == 2
    assert await wait_asked(throttle, unique_email(), "198.51.100.1") is None


async def test_the_owner_of_an_email_tried_elsewhere_waits_at_most_the_cap(throttle, clock):
    email = unique_email()
    for attacker in range(50):
        clock.now += 60
        await throttle.reserve(email, f"203.0.113.{attacker}")

    assert await wait_asked(throttle, email, "198.51.100.1") <= POLICY.max_delay_seconds
    clock.now += POLICY.max_delay_seconds
    assert await wait_asked(throttle, email, "198.51.100.1") is None


async def test_a_success_clears_the_email_and_gives_the_address_its_attempt_back(throttle):
    email = unique_email()
    for _ in range(3):
        await throttle.reserve(email, "203.0.113.7")

    await throttle.succeeded(email, "203.0.113.7")

    assert await wait_asked(throttle, email, "203.0.113.7") is None
    for _ in range(2):
        await throttle.reserve(unique_email(), "203.0.113.7")
    assert await wait_asked(throttle, unique_email(), "203.0.113.7") == 2


async def test_counts_are_forgotten_a_while_after_the_last_attempt(throttle, redis):
    email = unique_email()

    await throttle.reserve(email, "203.0.113.7")

    for counter in (key("email", email), key("address", "203.0.113.7")):
        assert 0 < await redis.pttl(counter) <= POLICY.memory_seconds * 1000


async def test_giving_back_an_attempt_forgotten_already_stores_nothing(throttle, redis):
    await throttle.succeeded(unique_email(), "203.0.113.9")

    assert await redis.exists(key("address", "203.0.113.9")) == 0


async def test_redis_holds_no_email_address(throttle, redis):
    email = unique_email()

    await throttle.reserve(email, "")

    assert email not in key("email", email)
    assert await redis.exists(key("email", email)) == 1
