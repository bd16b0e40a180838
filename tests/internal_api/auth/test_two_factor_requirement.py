"""An account that requires two-factor authentication: only a caller who has it may require it;
sessions in the account of users without it end, and such a user enrols as they log in."""

import pyotp

from shared.models.account import Account
from shared.models.membership import Role
from shared.models.session import Session
from shared.models.two_factor import TwoFactor
from shared.utilities.sessions import hash_session_id
from tests.factories import (
    PASSWORD,
    create_account,
    create_invitation,
    create_membership,
    create_session,
    create_signed_in,
)
from tests.internal_api.auth.factories import code_for, create_two_factor, wrong_code_for
from tests.internal_api.module_app import module_api, start_api

__all__ = ["module_api", "start_api"]


async def require_two_factor(api, signed_in, required: bool = True):
    return await api.patch(
        "/v1/accounts/current", json={"require_two_factor": required}, headers=signed_in.headers
    )


async def log_in(api, email: str):
    return await api.post("/v1/auth/login", json={"email": email, "password": PASSWORD})


async def create_requiring_account() -> Account:
    return await create_account(require_two_factor=True)


async def is_revoked(session_id: str) -> bool:
    session = await Session.find_one({"token_hash": hash_session_id(session_id)})
    return session.revoked_at is not None


async def test_an_owner_with_two_factor_requires_it_of_the_account(api):
    owner = await create_signed_in()
    await create_two_factor(owner.user)

    response = await require_two_factor(api, owner)

    assert response.status_code == 200
    assert response.json()["require_two_factor"] is True
    assert (await Account.get(owner.account.id)).require_two_factor is True


async def test_requiring_it_without_having_it_answers_409_and_changes_nothing(api):
    owner = await create_signed_in()

    response = await require_two_factor(api, owner)

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "two_factor_not_enabled"
    assert (await Account.get(owner.account.id)).require_two_factor is False


async def test_requiring_it_ends_the_sessions_in_the_account_of_users_without_it(api):
    owner = await create_signed_in()
    await create_two_factor(owner.user)
    without = await create_signed_in(owner.account, role=Role.MEMBER)
    with_it = await create_signed_in(owner.account, role=Role.MEMBER)
    await create_two_factor(with_it.user)
    elsewhere = await create_account()
    await create_membership(elsewhere, without.user)
    session_elsewhere = await create_session(without.user, elsewhere)

    await require_two_factor(api, owner)

    assert await is_revoked(without.session_id)
    assert not await is_revoked(with_it.session_id)
    assert not await is_revoked(owner.session_id)
    assert not await is_revoked(session_elsewhere)


async def test_a_member_without_it_logs_in_to_an_enrolment_challenge_and_no_session(api):
    member = await create_signed_in(await create_requiring_account(), role=Role.MEMBER)
    await Session.find({"user_id": member.user.id}).delete()

    response = await log_in(api, member.user.email)

    assert response.status_code == 200
    body = response.json()
    assert (body["two_factor_enrolment_required"], body["two_factor_required"]) == (True, False)
    assert await Session.find({"user_id": member.user.id}).count() == 0


async def test_enrolling_with_the_challenge_signs_in_and_answers_recovery_codes(api):
    member = await create_signed_in(await create_requiring_account(), role=Role.MEMBER)
    challenge = (await log_in(api, member.user.email)).json()["challenge"]
    enrolment = await api.post("/v1/auth/login/two-factor/enrolment", json={"challenge": challenge})
    code = pyotp.TOTP(enrolment.json()["secret"]).now()

    response = await api.post(
        "/v1/auth/login/two-factor/enrolment/confirm", json={"challenge": challenge, "code": code}
    )

    assert response.status_code == 200
    body = response.json()
    assert body["account"]["id"] == str(member.account.id)
    assert len(body["recovery_codes"]) == 10
    assert await Session.find_one({"token_hash": hash_session_id(body["session_id"])})
    assert await TwoFactor.find_one({"user_id": member.user.id, "enabled_at": {"$ne": None}})


async def test_a_wrong_code_to_the_enrolment_challenge_starts_no_session(api):
    member = await create_signed_in(await create_requiring_account(), role=Role.MEMBER)
    await Session.find({"user_id": member.user.id}).delete()
    challenge = (await log_in(api, member.user.email)).json()["challenge"]
    secret = (
        await api.post("/v1/auth/login/two-factor/enrolment", json={"challenge": challenge})
    ).json()["secret"]
    wrong = wrong_code_for(secret)

    response = await api.post(
        "/v1/auth/login/two-factor/enrolment/confirm", json={"challenge": challenge, "code": wrong}
    )

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "two_factor_code_invalid"
    assert await Session.find({"user_id": member.user.id}).count() == 0


async def test_switching_into_an_account_requiring_it_without_it_answers_403(api):
    ada = await create_signed_in()
    requiring = await create_requiring_account()
    await create_membership(requiring, ada.user, Role.MEMBER)

    response = await api.post(
        "/v1/auth/switch-account", json={"account_id": str(requiring.id)}, headers=ada.headers
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "two_factor_required"
    assert (await Session.get(ada.record.id)).account_id == ada.account.id


async def test_turning_it_off_while_an_account_requires_it_answers_409_and_keeps_it(api):
    ada = await create_signed_in(await create_requiring_account())
    secret = await create_two_factor(ada.user)

    response = await api.request(
        "DELETE",
        "/v1/auth/two-factor",
        json={"password": PASSWORD, "code": code_for(secret)},
        headers=ada.headers,
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "two_factor_required_by_account"
    assert await TwoFactor.find_one({"user_id": ada.user.id})


async def test_a_new_user_joining_an_account_that_requires_it_gets_no_session_yet(api):
    invitation, token = await create_invitation(await create_requiring_account())

    response = await api.post(
        "/v1/auth/invitations/accept",
        json={"token": token, "name": "Nia", "password": PASSWORD},
    )

    assert response.status_code == 200
    assert response.json()["session_id"] is None
    login = await log_in(api, invitation.email)
    assert login.json()["two_factor_enrolment_required"] is True
