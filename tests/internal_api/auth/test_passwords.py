"""Password checks: only a few hashes at once, and a burst of logins for one email verifies no
more passwords than the throttle lets through."""

import asyncio
import threading
import time

from argon2 import PasswordHasher

from internal_api.auth import service
from internal_api.auth.errors import LoginThrottled, WrongCredentials
from internal_api.auth.passwords import Passwords
from internal_api.settings import InternalApiSettings
from tests.factories import PASSWORD, create_account, create_membership, create_user


class CountingHasher(PasswordHasher):
    """argon2 with cheap parameters, counting verifications and how many ran at once."""

    def __init__(self, hold_seconds: float = 0) -> None:
        super().__init__(time_cost=1, memory_cost=8, parallelism=1)
        self.hold_seconds = hold_seconds
        self.lock = threading.Lock()
        self.verified = self.running = self.most_at_once = 0

    def verify(self, hash: str | bytes, password: str | bytes) -> bool:
        with self.lock:
            self.verified += 1
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
        try:
            # Long enough for the other threads to start theirs, were they allowed to.
            time.sleep(self.hold_seconds)
            return super().verify(hash, password)
        finally:
            with self.lock:
                self.running -= 1


def sign_in_context(redis, hasher: PasswordHasher, **settings) -> service.SignIn:
    return service.SignIn(
        client=service.Client(user_agent="tests", ip="203.0.113.7"),
        redis=redis,
        settings=InternalApiSettings(**settings),
        passwords=Passwords(at_once=2, hasher=hasher),
    )


async def outcome(attempt) -> str:
    try:
        await attempt
    except (WrongCredentials, LoginThrottled) as refused:
        return refused.code
    return "signed_in"


async def test_no_more_than_the_set_number_of_hashes_run_at_once():
    hasher = CountingHasher(hold_seconds=0.05)
    passwords = Passwords(at_once=2, hasher=hasher)
    stored = hasher.hash(PASSWORD)

    await asyncio.gather(*(passwords.verify(stored, PASSWORD) for _ in range(8)))

    assert (hasher.verified, hasher.most_at_once) == (8, 2)


async def test_60_parallel_wrong_logins_for_one_email_verify_only_the_free_attempts(mongo, redis):
    hasher = CountingHasher()
    user = await create_user(password_hash=hasher.hash(PASSWORD))
    await create_membership(await create_account(), user)
    context = sign_in_context(
        redis, hasher, login_free_attempts_per_email=5, login_first_delay_seconds=30
    )

    outcomes = await asyncio.gather(
        *(outcome(service.log_in(user.email, "wrong", context)) for _ in range(60))
    )

    assert hasher.verified == 5
    assert sorted(outcomes) == ["login_throttled"] * 55 + ["wrong_credentials"] * 5


async def test_an_unknown_email_is_verified_against_a_dummy_hash(mongo, redis):
    hasher = CountingHasher()
    context = sign_in_context(redis, hasher)

    result = await outcome(service.log_in("nobody@example.com", PASSWORD, context))

    assert (result, hasher.verified) == ("wrong_credentials", 1)
