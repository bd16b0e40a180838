"""POST /v1/users/me/password and /v1/users/me/email: changing what the caller signs in with,
the current password required."""

from datetime import timedelta

from shared.models.session import Session
from shared.models.user import User
from shared.models.user_token import UserToken
from shared.utilities import sessions
from shared.utilities.secret_tokens import hash_token
from shared.utilities.session_events import SessionEventKind
from shared.utilities.settings import ServiceSettings
from tests.factories import PASSWORD, create_session, create_signed_in, create_user
from tests.internal_api.auth.listening import session_events
from tests.internal_api.self_service import mails, token_in

NEW_PASSWORD = "a brand new passphrase"
IDLE = timedelta(days=1)
SEAL = sessions.seal_for(ServiceSettings())


async def change_password(api, signed_in, current=PASSWORD, new=NEW_PASSWORD):
    return await api.post(
        "/v1/users/me/password",
        json={"current_password": current, "new_password": new},
        headers=signed_in.headers,
    )


async def log_in(api, email: str, password: str):
    return await api.post("/v1/auth/login", json={"email": email, "password": password})


async def test_a_new_password_signs_in_and_the_old_one_no_longer_does(api):
    me = await create_signed_in()

    response = await change_password(api, me)

    assert response.status_code == 204
    assert (await log_in(api, me.user.email, NEW_PASSWORD)).status_code == 200
    assert (await log_in(api, me.user.email, PASSWORD)).status_code == 401


async def test_the_other_sessions_end_everywhere_and_the_current_one_goes_on(api, redis):
    me = await create_signed_in()
    other_id = await create_session(me.user, me.account)
    assert await sessions.lookup(redis, other_id, IDLE, SEAL)  # cached, as the router does
    other = await Session.find_one({"token_hash": sessions.hash_session_id(other_id)})

    async with session_events(redis, me.user.id) as heard:
        await change_password(api, me)

    assert (await Session.get(other.id)).revoked_at is not None
    assert await sessions.lookup(redis, other_id, IDLE, SEAL) is None
    assert [(event.kind, event.session_id) for event in heard] == [
        (SessionEventKind.SESSION_REVOKED, str(other.id))
    ]
    assert (await Session.get(me.record.id)).revoked_at is None
    assert await sessions.lookup(redis, me.session_id, IDLE, SEAL)


async def test_a_wrong_current_password_answers_403_and_changes_nothing(api):
    me = await create_signed_in()
    other_id = await create_session(me.user, me.account)

    response = await change_password(api, me, current="not my password")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "wrong_password"
    assert (await User.get(me.user.id)).password_hash == me.user.password_hash
    other = await Session.find_one({"token_hash": sessions.hash_session_id(other_id)})
    assert other.revoked_at is None


async def test_a_new_password_follows_the_sign_up_rules(api):
    me = await create_signed_in()

    response = await change_password(api, me, new="short")

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.new_password"
    assert (await User.get(me.user.id)).password_hash == me.user.password_hash


async def test_wrong_current_passwords_are_slowed_down_like_logins(start_api):
    me = await create_signed_in()
    async with start_api(login_free_attempts_per_email=1, login_first_delay_seconds=30) as api:
        await change_password(api, me, current="guess one")

        response = await change_password(api, me, current="guess two")

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "login_throttled"
    assert int(response.headers["retry-after"]) > 0


async def change_email(api, signed_in, email: str, current=PASSWORD):
    return await api.post(
        "/v1/users/me/email",
        json={"email": email, "current_password": current},
        headers=signed_in.headers,
    )


async def test_changing_email_mails_a_link_to_the_new_address_and_changes_nothing_yet(api, jobs):
    me = await create_signed_in()

    response = await change_email(api, me, "Grace@New.example.com")

    assert response.status_code == 202
    assert (await User.get(me.user.id)).email == me.user.email
    (mail,) = mails(jobs, "email_verification")
    assert (mail["channel"], mail["to"]) == ("email", "grace@new.example.com")
    assert mail["account_id"] == str(me.account.id)
    assert mail["links"]["verify_url"].startswith("/confirm-email?token=")
    token = token_in(mail["links"]["verify_url"])
    stored = await UserToken.find_one({"user_id": me.user.id})
    assert (stored.email, stored.purpose) == ("grace@new.example.com", "email_confirmation")
    assert stored.token_hash == hash_token(token)  # only its hash is kept


async def test_an_email_another_user_has_answers_409_and_mails_nothing(api, jobs):
    me = await create_signed_in()
    taken = await create_user()

    response = await change_email(api, me, taken.email)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "email_taken"
    assert mails(jobs) == []


async def test_changing_email_with_a_wrong_password_answers_403_and_mails_nothing(api, jobs):
    me = await create_signed_in()

    response = await change_email(api, me, "grace@new.example.com", current="not mine")

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "wrong_password"
    assert mails(jobs) == []
    assert await UserToken.find({"user_id": me.user.id}).count() == 0
