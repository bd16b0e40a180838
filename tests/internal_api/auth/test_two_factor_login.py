"""A login with two-factor authentication: the password answers a challenge, not a session;
the challenge and a code (once each) answer the session."""

from datetime import timedelta

from shared.models.base import utc_now
from shared.models.session import Session
from shared.models.two_factor_challenge import ChallengePurpose, TwoFactorChallenge
from shared.utilities.sessions import hash_session_id
from tests.factories import PASSWORD, create_signed_in
from tests.internal_api.auth.factories import (
    RECOVERY_CODES,
    code_for,
    create_challenge,
    create_two_factor,
    wrong_code_for,
)
from tests.internal_api.module_app import module_api, start_api

__all__ = ["module_api", "start_api"]


async def log_in(api, email: str):
    return await api.post("/v1/auth/login", json={"email": email, "password": PASSWORD})


async def second_step(api, challenge: str, code: str):
    return await api.post("/v1/auth/login/two-factor", json={"challenge": challenge, "code": code})


async def create_user_with_two_factor():
    """A user with two-factor authentication on, and its secret; their session from the
    factory is dropped, so every session counted is one a login started."""
    ada = await create_signed_in()
    await Session.find({"user_id": ada.user.id}).delete()
    return ada, await create_two_factor(ada.user)


async def sessions_of(signed_in) -> int:
    return await Session.find({"user_id": signed_in.user.id}).count()


async def test_the_password_answers_a_challenge_and_no_session(api):
    ada, _ = await create_user_with_two_factor()

    response = await log_in(api, ada.user.email)

    assert response.status_code == 200
    body = response.json()
    assert (body["two_factor_required"], body["two_factor_enrolment_required"]) == (True, False)
    assert "session_id" not in body
    stored = await TwoFactorChallenge.find_one({"user_id": ada.user.id})
    assert stored.token_hash != body["challenge"]
    assert stored.expires_at <= utc_now() + timedelta(minutes=5)
    assert await sessions_of(ada) == 0


async def test_the_challenge_and_a_code_answer_a_session_like_a_login(api):
    ada, secret = await create_user_with_two_factor()
    challenge = (await log_in(api, ada.user.email)).json()["challenge"]

    response = await second_step(api, challenge, code_for(secret))

    assert response.status_code == 200
    body = response.json()
    assert (body["user"]["id"], body["account"]["id"]) == (str(ada.user.id), str(ada.account.id))
    assert await Session.find_one({"token_hash": hash_session_id(body["session_id"])})
    assert await TwoFactorChallenge.find_one({"user_id": ada.user.id}) is None


async def test_a_wrong_code_answers_401_and_starts_no_session(api):
    ada, secret = await create_user_with_two_factor()
    challenge = (await log_in(api, ada.user.email)).json()["challenge"]

    response = await second_step(api, challenge, wrong_code_for(secret))

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "two_factor_code_invalid"
    assert await sessions_of(ada) == 0


async def test_a_code_used_once_is_refused_the_second_time(api):
    ada, secret = await create_user_with_two_factor()
    code = code_for(secret, steps_ahead=1)
    await second_step(api, await create_challenge(ada.user), code)

    replayed = await second_step(api, await create_challenge(ada.user), code)

    assert replayed.status_code == 401
    assert replayed.json()["error"]["code"] == "two_factor_code_invalid"
    assert await sessions_of(ada) == 1


async def test_a_code_older_than_the_last_one_used_is_refused(api):
    ada, secret = await create_user_with_two_factor()
    await second_step(api, await create_challenge(ada.user), code_for(secret, steps_ahead=1))

    older = await second_step(api, await create_challenge(ada.user), code_for(secret))

    assert older.status_code == 401
    assert await sessions_of(ada) == 1


async def test_a_recovery_code_signs_in_once(api):
    ada, _ = await create_user_with_two_factor()
    code = RECOVERY_CODES[0]

    first = await second_step(api, await create_challenge(ada.user), code.upper())
    second = await second_step(api, await create_challenge(ada.user), code)

    assert first.status_code == 200
    assert second.status_code == 401
    assert second.json()["error"]["code"] == "two_factor_code_invalid"
    assert await sessions_of(ada) == 1


async def test_an_expired_challenge_answers_401_whatever_the_code(api):
    ada, secret = await create_user_with_two_factor()
    expired = await create_challenge(ada.user, expires_at=utc_now() - timedelta(seconds=1))

    response = await second_step(api, expired, code_for(secret))

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "two_factor_challenge_invalid"
    assert await sessions_of(ada) == 0


async def test_a_challenge_signs_in_once(api):
    ada, secret = await create_user_with_two_factor()
    challenge = await create_challenge(ada.user)
    await second_step(api, challenge, code_for(secret))

    again = await second_step(api, challenge, RECOVERY_CODES[0])

    assert again.status_code == 401
    assert again.json()["error"]["code"] == "two_factor_challenge_invalid"
    assert await sessions_of(ada) == 1


async def test_a_challenge_is_used_up_after_its_attempts(start_api):
    ada, secret = await create_user_with_two_factor()
    challenge = await create_challenge(ada.user)
    async with start_api(two_factor_challenge_attempts=2) as api:
        for _ in range(2):
            await second_step(api, challenge, wrong_code_for(secret))

        response = await second_step(api, challenge, code_for(secret))

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "two_factor_challenge_invalid"
    assert await sessions_of(ada) == 0


async def test_an_enrolment_challenge_does_not_sign_in_with_a_code(api):
    ada, secret = await create_user_with_two_factor()
    enrolment = await create_challenge(ada.user, ChallengePurpose.ENROL)

    response = await second_step(api, enrolment, code_for(secret))

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "two_factor_challenge_invalid"


async def test_codes_count_on_the_login_throttle_with_the_password(start_api):
    ada, secret = await create_user_with_two_factor()
    settings = {"login_free_attempts_per_email": 2, "login_first_delay_seconds": 30}
    async with start_api(**settings) as api:
        challenge = (await log_in(api, ada.user.email)).json()["challenge"]
        await second_step(api, challenge, wrong_code_for(secret))

        response = await second_step(api, challenge, code_for(secret))

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "login_throttled"
    assert await sessions_of(ada) == 0


async def test_a_user_without_two_factor_still_signs_in_with_the_password_alone(api):
    ada = await create_signed_in()

    response = await log_in(api, ada.user.email)

    assert response.status_code == 200
    assert await Session.find_one({"token_hash": hash_session_id(response.json()["session_id"])})
