"""What the sign-in flows refuse, the dashboard's way (gateway -> router -> internal_api): a reset
link used twice or expired, the same answer for an email nobody has, a wrong two-factor code and
a recovery code replayed. Each refusal names its code and changes nothing."""

from datetime import timedelta

from shared.models.base import utc_now
from shared.models.session import Session
from shared.models.user import User
from shared.models.user_token import UserToken
from tests.factories import PASSWORD, create_signed_in, create_user
from tests.internal_api.auth.factories import RECOVERY_CODES, create_two_factor, wrong_code_for
from tests.internal_api.chain import dashboard, dashboard_jobs, module_chain
from tests.internal_api.self_service import last_token, mails

__all__ = ["dashboard", "dashboard_jobs", "module_chain"]

NEW_PASSWORD = "a brand new passphrase"


async def reset_with(dashboard, token: str):
    return await dashboard.post(
        "/v1/auth/password-reset/confirm", json={"token": token, "password": NEW_PASSWORD}
    )


async def test_a_reset_link_works_once(dashboard, dashboard_jobs):
    me = await create_signed_in()
    await dashboard.post("/v1/auth/password-reset", json={"email": me.user.email})
    token = last_token(dashboard_jobs, "password_reset")
    await reset_with(dashboard, token)
    reset_once = (await User.get(me.user.id)).password_hash

    again = await reset_with(dashboard, token)

    assert again.status_code == 400
    assert again.json()["error"]["code"] == "reset_token_invalid"
    assert (await User.get(me.user.id)).password_hash == reset_once


async def test_an_expired_reset_link_changes_nothing(dashboard, dashboard_jobs):
    me = await create_signed_in()
    await dashboard.post("/v1/auth/password-reset", json={"email": me.user.email})
    await UserToken.find({"user_id": me.user.id}).update(
        {"$set": {"expires_at": utc_now() - timedelta(seconds=1)}}
    )

    response = await reset_with(dashboard, last_token(dashboard_jobs, "password_reset"))

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "reset_token_invalid"
    assert (await User.get(me.user.id)).password_hash == me.user.password_hash
    assert (await Session.get(me.record.id)).revoked_at is None


async def test_a_reset_for_an_unknown_email_answers_like_a_known_one(dashboard, dashboard_jobs):
    me = await create_signed_in()
    known = await dashboard.post("/v1/auth/password-reset", json={"email": me.user.email})
    dashboard_jobs.sent.clear()

    unknown = await dashboard.post("/v1/auth/password-reset", json={"email": "no@example.com"})

    assert (unknown.status_code, unknown.content) == (known.status_code, known.content)
    assert mails(dashboard_jobs) == []


async def log_in(dashboard, user: User) -> str:
    response = await dashboard.post(
        "/v1/auth/login", json={"email": user.email, "password": PASSWORD}
    )
    assert response.json()["two_factor_required"] is True
    return response.json()["challenge"]


async def second_step(dashboard, challenge: str, **code: str):
    return await dashboard.post("/v1/auth/login/two-factor", json={"challenge": challenge, **code})


async def test_a_wrong_two_factor_code_starts_no_session(dashboard):
    me = await create_signed_in()
    secret = await create_two_factor(me.user)
    sessions_before = await Session.find({"user_id": me.user.id}).count()

    response = await second_step(
        dashboard, await log_in(dashboard, me.user), code=wrong_code_for(secret)
    )

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "two_factor_code_invalid"
    assert await Session.find({"user_id": me.user.id}).count() == sessions_before


async def test_a_recovery_code_signs_in_once(dashboard):
    user = (await create_signed_in()).user
    await create_two_factor(user)
    first = await second_step(dashboard, await log_in(dashboard, user), code=RECOVERY_CODES[0])
    sessions_after_first = await Session.find({"user_id": user.id}).count()

    replayed = await second_step(dashboard, await log_in(dashboard, user), code=RECOVERY_CODES[0])

    assert first.status_code == 200, first.text
    assert replayed.status_code == 401
    assert replayed.json()["error"]["code"] == "two_factor_code_invalid"
    assert await Session.find({"user_id": user.id}).count() == sessions_after_first


async def test_an_unknown_user_and_a_wrong_password_answer_alike(dashboard):
    user = await create_user()

    wrong = await dashboard.post("/v1/auth/login", json={"email": user.email, "password": "x" * 12})
    unknown = await dashboard.post(
        "/v1/auth/login", json={"email": "nobody@example.com", "password": "x" * 12}
    )

    assert (wrong.status_code, wrong.json()["error"]["code"]) == (401, "wrong_credentials")
    assert (unknown.status_code, unknown.json()["error"]["code"]) == (401, "wrong_credentials")
