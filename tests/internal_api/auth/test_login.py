"""POST /v1/auth/login: a session for the right password, one answer for every wrong one."""

import asyncio
import time

from shared.models.session import Session
from shared.utilities.sessions import hash_session_id
from tests.factories import (
    PASSWORD,
    create_account,
    create_membership,
    create_sub_account,
    create_user,
    unique_email,
)


async def log_in(api, email: str, password: str = PASSWORD, **kwargs):
    return await api.post("/v1/auth/login", json={"email": email, "password": password}, **kwargs)


async def create_owner():
    account = await create_account()
    user = await create_user()
    await create_membership(account, user)
    return user, account


async def test_the_right_password_answers_a_session_in_the_users_account(api):
    user, account = await create_owner()

    response = await log_in(api, user.email.upper())

    assert response.status_code == 200
    body = response.json()
    assert body["user"]["id"] == str(user.id)
    assert body["account"]["id"] == str(account.id)
    assert await Session.find_one({"token_hash": hash_session_id(body["session_id"])})


async def test_the_session_records_the_browser_and_its_address_behind_our_proxies(api):
    """The test client connects from 127.0.0.1, a trusted proxy by default; 10.0.0.2 is not
    one, so it is the client, and the hop left of it (which it could have written) is not."""
    user, _ = await create_owner()

    response = await log_in(
        api,
        user.email,
        headers={"user-agent": "Firefox/130", "x-forwarded-for": "203.0.113.7, 10.0.0.2"},
    )

    session = await Session.find_one({"token_hash": hash_session_id(response.json()["session_id"])})
    assert (session.user_agent, session.ip) == ("Firefox/130", "10.0.0.2")


async def test_the_session_starts_in_the_users_default_account(api):
    user, _ = await create_owner()
    other = await create_account(name="Other")
    await create_membership(other, user)
    await user.set({"default_account_id": str(other.id)})

    response = await log_in(api, user.email)

    assert response.json()["account"]["id"] == str(other.id)


async def test_a_default_account_the_user_left_falls_back_to_their_first_membership(api):
    user, account = await create_owner()
    await user.set({"default_account_id": str((await create_account()).id)})

    response = await log_in(api, user.email)

    assert response.json()["account"]["id"] == str(account.id)


async def test_an_agency_owner_may_start_in_a_sub_account_by_default(api):
    user, agency = await create_owner()
    client = await create_sub_account(agency)
    await user.set({"default_account_id": str(client.id)})

    response = await log_in(api, user.email)

    assert response.json()["account"]["id"] == str(client.id)


async def test_a_user_without_any_membership_answers_403(api):
    user = await create_user()

    response = await log_in(api, user.email)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "no_account"


async def test_a_wrong_password_and_an_unknown_email_answer_the_same_401(api):
    user, _ = await create_owner()

    wrong_password = await log_in(api, user.email, "not the password")
    unknown_email = await log_in(api, unique_email(), "not the password")

    assert wrong_password.status_code == unknown_email.status_code == 401
    assert wrong_password.json()["error"] == unknown_email.json()["error"]


async def test_an_unknown_email_takes_as_long_as_a_wrong_password(api):
    user, _ = await create_owner()

    started = time.perf_counter()
    await log_in(api, user.email, "not the password")
    wrong_password_seconds = time.perf_counter() - started
    started = time.perf_counter()
    await log_in(api, unique_email(), "not the password")
    unknown_email_seconds = time.perf_counter() - started

    # Both verify an argon2 hash; without the dummy hash an unknown email would be many times
    # faster. The bound is loose so a busy machine does not fail it.
    assert unknown_email_seconds > wrong_password_seconds / 3


async def test_an_attempt_after_the_free_ones_answers_429_with_retry_after(start_api):
    user, _ = await create_owner()
    async with start_api(login_free_attempts_per_email=2, login_first_delay_seconds=30) as api:
        await log_in(api, user.email, "wrong once")
        await log_in(api, user.email, "wrong twice")

        response = await log_in(api, user.email)

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "login_throttled"
    # 30 s from the second attempt, less the time the third took to come.
    assert 0 < int(response.headers["retry-after"]) <= 30


async def test_attempts_for_one_email_do_not_slow_another_down(start_api):
    user, _ = await create_owner()
    async with start_api(login_free_attempts_per_email=1, login_first_delay_seconds=30) as api:
        await log_in(api, unique_email(), "wrong")

        response = await log_in(api, user.email)

    assert response.status_code == 200
    assert await Session.find_one({"token_hash": hash_session_id(response.json()["session_id"])})


async def test_a_successful_login_clears_the_emails_attempts(start_api):
    user, _ = await create_owner()
    async with start_api(login_free_attempts_per_email=2, login_first_delay_seconds=30) as api:
        await log_in(api, user.email, "wrong")
        await log_in(api, user.email)
        await log_in(api, user.email, "wrong again")

        response = await log_in(api, user.email)

    assert response.status_code == 200
    assert await Session.find_one({"token_hash": hash_session_id(response.json()["session_id"])})


async def test_many_emails_tried_from_one_address_are_slowed_down(start_api):
    settings = {"login_free_attempts_per_address": 3, "login_first_delay_seconds": 30}
    async with start_api(**settings) as api:
        for _ in range(3):
            await log_in(api, unique_email(), "guess")

        response = await log_in(api, unique_email(), "guess")

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "login_throttled"


async def test_60_parallel_wrong_logins_for_one_email_get_the_free_attempts_only(start_api):
    user, _ = await create_owner()
    settings = {"login_free_attempts_per_email": 5, "login_first_delay_seconds": 30}
    async with start_api(**settings) as api:
        responses = await asyncio.gather(*(log_in(api, user.email, "wrong") for _ in range(60)))

    statuses = sorted(response.status_code for response in responses)
    assert statuses == [401] * 5 + [429] * 55


async def test_login_without_a_password_answers_422_naming_it(api):
    response = await api.post("/v1/auth/login", json={"email": "a@example.com"})

    assert response.status_code == 422
    assert [d["field"] for d in response.json()["error"]["details"]] == ["body.password"]
