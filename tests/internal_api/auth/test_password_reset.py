"""POST /v1/auth/password-reset and /confirm: a forgotten password reset with a link mailed to
the user, the same answer whether or not anyone has the email."""

from datetime import timedelta

import pytest

from shared.models.base import utc_now
from shared.models.session import Session
from shared.models.user import User
from shared.models.user_token import UserToken
from shared.utilities import sessions
from shared.utilities.secret_tokens import hash_token
from shared.utilities.session_events import SessionEventKind
from shared.utilities.settings import ServiceSettings
from tests.factories import PASSWORD, create_session, create_signed_in
from tests.internal_api.auth.listening import session_events
from tests.internal_api.self_service import last_token, mails, token_in

NEW_PASSWORD = "a brand new passphrase"
IDLE = timedelta(days=1)
SEAL = sessions.seal_for(ServiceSettings())


async def ask(api, email: str):
    return await api.post("/v1/auth/password-reset", json={"email": email})


async def confirm(api, token: str, password: str = NEW_PASSWORD):
    return await api.post(
        "/v1/auth/password-reset/confirm", json={"token": token, "password": password}
    )


async def log_in(api, email: str, password: str):
    return await api.post("/v1/auth/login", json={"email": email, "password": password})


async def test_asking_mails_the_user_a_reset_link_on_the_dashboard(api, jobs):
    me = await create_signed_in()

    response = await ask(api, me.user.email)

    assert response.status_code == 202
    (mail,) = mails(jobs, "password_reset")
    assert (mail["channel"], mail["user_id"], mail["to"]) == ("email", str(me.user.id), None)
    assert mail["account_id"] == str(me.account.id)
    assert mail["links"]["reset_url"].startswith("/reset-password?token=")
    assert mail["data"] == {"expires_in_minutes": "30"}
    stored = await UserToken.find_one({"user_id": me.user.id, "purpose": "password_reset"})
    assert stored.token_hash == hash_token(token_in(mail["links"]["reset_url"]))


async def test_an_unknown_email_gets_the_same_answer_and_nothing_is_mailed(api, jobs):
    me = await create_signed_in()
    known = await ask(api, me.user.email)
    jobs.sent.clear()

    unknown = await ask(api, "nobody@example.com")

    assert (unknown.status_code, unknown.content) == (known.status_code, known.content)
    assert mails(jobs) == []
    assert await UserToken.find({"email": "nobody@example.com"}).count() == 0


async def test_the_new_password_signs_in_and_the_old_one_no_longer_does(api, jobs):
    me = await create_signed_in()
    await ask(api, me.user.email)

    response = await confirm(api, last_token(jobs, "password_reset"))

    assert response.status_code == 204
    assert (await log_in(api, me.user.email, NEW_PASSWORD)).status_code == 200
    assert (await log_in(api, me.user.email, PASSWORD)).status_code == 401


async def test_a_reset_ends_every_session_of_the_user_everywhere(api, jobs, redis):
    me = await create_signed_in()
    other_id = await create_session(me.user, me.account)
    await ask(api, me.user.email)

    async with session_events(redis, me.user.id) as heard:
        await confirm(api, last_token(jobs, "password_reset"))

    for session_id in (me.session_id, other_id):
        token_hash = sessions.hash_session_id(session_id)
        assert (await Session.find_one({"token_hash": token_hash})).revoked_at is not None
        assert await sessions.lookup(redis, session_id, IDLE, SEAL) is None
    assert {event.kind for event in heard} == {SessionEventKind.SESSION_REVOKED}
    assert len(heard) == 2


async def test_a_used_link_answers_400_and_changes_nothing(api, jobs):
    me = await create_signed_in()
    await ask(api, me.user.email)
    token = last_token(jobs, "password_reset")
    await confirm(api, token)

    response = await confirm(api, token, password="yet another passphrase")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "reset_token_invalid"
    assert (await log_in(api, me.user.email, NEW_PASSWORD)).status_code == 200


async def test_an_expired_link_answers_400_and_changes_nothing(api, jobs):
    me = await create_signed_in()
    await ask(api, me.user.email)
    await UserToken.find({"user_id": me.user.id}).update(
        {"$set": {"expires_at": utc_now() - timedelta(seconds=1)}}
    )

    response = await confirm(api, last_token(jobs, "password_reset"))

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "reset_token_invalid"
    assert (await User.get(me.user.id)).password_hash == me.user.password_hash
    assert (await Session.get(me.record.id)).revoked_at is None


@pytest.mark.parametrize("token", ["made-up", ""])
async def test_an_unknown_token_answers_400_with_the_same_code(api, token):
    response = await confirm(api, token)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "reset_token_invalid"


async def test_asking_again_replaces_the_link_mailed_before(api, jobs):
    me = await create_signed_in()
    await ask(api, me.user.email)
    first = last_token(jobs, "password_reset")
    await ask(api, me.user.email)

    replaced = await confirm(api, first)
    latest = await confirm(api, last_token(jobs, "password_reset"))

    assert replaced.status_code == 400
    assert replaced.json()["error"]["code"] == "reset_token_invalid"
    assert latest.status_code == 204


async def test_a_weak_new_password_answers_422_and_the_link_still_works(api, jobs):
    me = await create_signed_in()
    await ask(api, me.user.email)
    token = last_token(jobs, "password_reset")

    weak = await confirm(api, token, password="short")

    assert weak.status_code == 422
    assert (await User.get(me.user.id)).password_hash == me.user.password_hash
    assert (await confirm(api, token)).status_code == 204


async def test_asking_past_the_limit_for_one_email_answers_429_known_or_not(start_api, jobs):
    me = await create_signed_in()
    async with start_api(email_links_per_address=2) as api:
        for email in (me.user.email, "nobody@example.com"):
            for _ in range(2):
                assert (await ask(api, email)).status_code == 202

            response = await ask(api, email)

            assert response.status_code == 429
            assert response.json()["error"]["code"] == "email_links_throttled"
            assert int(response.headers["retry-after"]) > 0
    assert len(mails(jobs, "password_reset")) == 2


async def test_asking_for_many_emails_from_one_client_answers_429_past_its_limit(start_api):
    async with start_api(email_links_per_client=3) as api:
        for number in range(3):
            assert (await ask(api, f"someone{number}@example.com")).status_code == 202

        response = await ask(api, "someone-else@example.com")

    assert response.status_code == 429
    assert "retry-after" in response.headers
