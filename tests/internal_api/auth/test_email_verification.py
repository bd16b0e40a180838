"""Confirming email addresses: mailed at sign-up and when an invitation creates the user,
confirmed with POST /v1/auth/email/confirm (a change of email too), mailed again with
POST /v1/users/me/email/verification; an owner's confirmation reaches the router at once."""

from datetime import timedelta

from shared.models.account import Account
from shared.models.base import utc_now
from shared.models.membership import Role
from shared.models.user import User
from shared.models.user_token import UserToken
from shared.utilities import sessions
from shared.utilities.settings import ServiceSettings
from tests.factories import (
    PASSWORD,
    create_account,
    create_invitation,
    create_signed_in,
    create_sub_account,
    create_user,
    headers_now,
    unique_email,
)
from tests.internal_api.self_service import last_token, mails

IDLE = timedelta(days=1)
SEAL = sessions.seal_for(ServiceSettings())


async def sign_up(api, email: str | None = None) -> dict:
    response = await api.post(
        "/v1/auth/signup",
        json={
            "email": email or unique_email(),
            "password": PASSWORD,
            "name": "Olive",
            "account_name": "Acme Agency",
        },
    )
    assert response.status_code == 201, response.text
    return response.json()


async def confirm(api, token: str):
    return await api.post("/v1/auth/email/confirm", json={"token": token})


async def send_again(api, session_id: str):
    return await api.post("/v1/users/me/email/verification", headers=await headers_now(session_id))


async def stored_user(signed_up: dict) -> User:
    return await User.get(signed_up["user"]["id"])


async def test_signing_up_mails_a_link_to_confirm_the_email_left_unconfirmed(api, jobs):
    signed_up = await sign_up(api, "olive@example.com")

    assert signed_up["user"]["email_verified_at"] is None
    assert (await stored_user(signed_up)).email_verified_at is None
    (mail,) = mails(jobs, "email_verification")
    assert (mail["channel"], mail["to"]) == ("email", "olive@example.com")
    assert mail["account_id"] == signed_up["account"]["id"]
    assert mail["links"]["verify_url"].startswith("/confirm-email?token=")
    assert mail["data"] == {"expires_in_minutes": "1440"}


async def test_accepting_an_invitation_as_a_new_user_mails_a_link_to_confirm_it(api, jobs):
    account = await create_account()
    invitation, token = await create_invitation(account)

    response = await api.post(
        "/v1/auth/invitations/accept", json={"token": token, "name": "Nia", "password": PASSWORD}
    )

    assert response.status_code == 200
    assert (await User.find_one({"email": invitation.email})).email_verified_at is None
    (mail,) = mails(jobs, "email_verification")
    assert (mail["to"], mail["account_id"]) == (invitation.email, str(account.id))


async def test_confirming_records_when_the_email_was_confirmed(api, jobs):
    signed_up = await sign_up(api)

    response = await confirm(api, last_token(jobs, "email_verification"))

    assert response.status_code == 204
    assert (await stored_user(signed_up)).email_verified_at is not None
    me = await api.get("/v1/users/me", headers=await headers_now(signed_up["session_id"]))
    assert me.json()["user"]["email_verified_at"] is not None


async def test_an_owners_confirmation_reaches_every_session_of_the_agency_and_its_clients(
    api, jobs, redis
):
    signed_up = await sign_up(api)
    agency = await Account.get(signed_up["account"]["id"])
    member = await create_signed_in(agency, role=Role.MEMBER)
    client = await create_signed_in(await create_sub_account(agency), role=Role.CLIENT)
    session_ids = [signed_up["session_id"], member.session_id, client.session_id]
    for session_id in session_ids:  # cached, as the router leaves them
        assert not (await sessions.lookup(redis, session_id, IDLE, SEAL)).owner_verified

    await confirm(api, last_token(jobs, "email_verification"))

    for session_id in session_ids:
        assert (await sessions.lookup(redis, session_id, IDLE, SEAL)).owner_verified


async def test_a_members_confirmation_does_not_open_the_account(api, jobs, redis):
    owner = await create_signed_in(email_verified_at=None)
    member = await create_signed_in(owner.account, role=Role.MEMBER, email_verified_at=None)
    await send_again(api, member.session_id)

    await confirm(api, last_token(jobs, "email_verification"))

    assert (await User.get(member.user.id)).email_verified_at is not None
    state = await sessions.lookup(redis, member.session_id, IDLE, SEAL)
    assert not state.owner_verified


async def test_confirming_a_change_of_email_switches_to_the_new_address(api, jobs):
    me = await create_signed_in()
    await api.post(
        "/v1/users/me/email",
        json={"email": "new@example.com", "current_password": PASSWORD},
        headers=me.headers,
    )

    response = await confirm(api, last_token(jobs, "email_verification"))

    assert response.status_code == 204
    user = await User.get(me.user.id)
    assert user.email == "new@example.com"
    assert user.email_verified_at > me.user.email_verified_at
    login = {"email": "new@example.com", "password": PASSWORD}
    assert (await api.post("/v1/auth/login", json=login)).status_code == 200


async def test_an_address_taken_meanwhile_answers_409_and_changes_nothing(api, jobs):
    me = await create_signed_in()
    await api.post(
        "/v1/users/me/email",
        json={"email": "new@example.com", "current_password": PASSWORD},
        headers=me.headers,
    )
    await create_user(email="new@example.com")

    response = await confirm(api, last_token(jobs, "email_verification"))

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "email_taken"
    assert (await User.get(me.user.id)).email == me.user.email
    assert (await UserToken.find_one({"user_id": me.user.id})).used_at is None


async def test_a_used_link_answers_400(api, jobs):
    await sign_up(api)
    token = last_token(jobs, "email_verification")
    await confirm(api, token)

    response = await confirm(api, token)

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "confirmation_token_invalid"


async def test_an_expired_link_answers_400_and_changes_nothing(api, jobs):
    signed_up = await sign_up(api)
    await UserToken.find({"user_id": (await stored_user(signed_up)).id}).update(
        {"$set": {"expires_at": utc_now() - timedelta(seconds=1)}}
    )

    response = await confirm(api, last_token(jobs, "email_verification"))

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "confirmation_token_invalid"
    assert (await stored_user(signed_up)).email_verified_at is None


async def test_an_unknown_link_answers_400(api):
    response = await confirm(api, "made-up")

    assert response.status_code == 400
    assert response.json()["error"]["code"] == "confirmation_token_invalid"


async def test_a_password_reset_token_does_not_confirm_an_email(api, jobs):
    me = await create_signed_in(email_verified_at=None)
    await api.post("/v1/auth/password-reset", json={"email": me.user.email})

    response = await confirm(api, last_token(jobs, "password_reset"))

    assert response.status_code == 400
    assert (await User.get(me.user.id)).email_verified_at is None


async def test_sending_again_mails_a_new_link_and_the_old_one_stops_working(api, jobs):
    signed_up = await sign_up(api)
    first = last_token(jobs, "email_verification")

    response = await send_again(api, signed_up["session_id"])

    assert response.status_code == 202
    assert len(mails(jobs, "email_verification")) == 2
    assert (await confirm(api, first)).status_code == 400
    assert (await confirm(api, last_token(jobs, "email_verification"))).status_code == 204


async def test_sending_again_once_confirmed_answers_409_and_mails_nothing(api, jobs):
    me = await create_signed_in()

    response = await send_again(api, me.session_id)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "email_already_verified"
    assert mails(jobs) == []


async def test_sending_again_past_the_limit_answers_429(start_api, jobs):
    me = await create_signed_in(email_verified_at=None)
    async with start_api(email_links_per_address=2) as api:
        for _ in range(2):
            await send_again(api, me.session_id)

        response = await send_again(api, me.session_id)

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "email_links_throttled"
    assert "retry-after" in response.headers
    assert len(mails(jobs, "email_verification")) == 2
