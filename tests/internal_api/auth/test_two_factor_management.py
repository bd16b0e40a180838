"""Turning two-factor authentication off, and renewing the recovery codes: each needs a code
(turning it off the password too), and a refusal changes nothing."""

from shared.models.two_factor import TwoFactor
from tests.factories import PASSWORD, create_signed_in
from tests.internal_api.auth.factories import RECOVERY_CODES, code_for, create_two_factor
from tests.internal_api.module_app import module_api, start_api

__all__ = ["module_api", "start_api"]


async def turn_off(api, signed_in, code: str, password: str = PASSWORD):
    return await api.request(
        "DELETE",
        "/v1/auth/two-factor",
        json={"password": password, "code": code},
        headers=signed_in.headers,
    )


async def renew(api, signed_in, code: str):
    return await api.post(
        "/v1/auth/two-factor/recovery-codes", json={"code": code}, headers=signed_in.headers
    )


async def is_on(signed_in) -> bool:
    return await TwoFactor.find_one({"user_id": signed_in.user.id, "enabled_at": {"$ne": None}})


async def test_the_password_and_a_code_turn_it_off(api):
    ada = await create_signed_in()
    secret = await create_two_factor(ada.user)

    response = await turn_off(api, ada, code_for(secret))

    assert response.status_code == 204
    assert not await is_on(ada)
    status = (await api.get("/v1/auth/two-factor", headers=ada.headers)).json()
    assert status["enabled"] is False


async def test_a_recovery_code_turns_it_off_too(api):
    ada = await create_signed_in()
    await create_two_factor(ada.user)

    response = await turn_off(api, ada, RECOVERY_CODES[0])

    assert response.status_code == 204
    assert not await is_on(ada)


async def test_a_wrong_password_answers_401_and_leaves_it_on(api):
    ada = await create_signed_in()
    secret = await create_two_factor(ada.user)

    response = await turn_off(api, ada, code_for(secret), password="not the password")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "wrong_credentials"
    assert await is_on(ada)


async def test_a_wrong_code_answers_401_and_leaves_it_on(api):
    ada = await create_signed_in()
    await create_two_factor(ada.user)

    response = await turn_off(api, ada, "zzzzz-zzzzz")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "two_factor_code_invalid"
    assert await is_on(ada)


async def test_turning_it_off_when_it_is_off_answers_409(api):
    ada = await create_signed_in()

    response = await turn_off(api, ada, "123456")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "two_factor_not_enabled"


async def test_renewed_recovery_codes_replace_the_old_ones(api):
    ada = await create_signed_in()
    secret = await create_two_factor(ada.user)

    response = await renew(api, ada, code_for(secret))

    assert response.status_code == 200
    new_codes = response.json()["recovery_codes"]
    assert len(set(new_codes)) == 10
    assert (await turn_off(api, ada, RECOVERY_CODES[1])).status_code == 401
    assert (await turn_off(api, ada, new_codes[0])).status_code == 204


async def test_renewing_with_a_wrong_code_answers_401_and_keeps_the_codes(api):
    ada = await create_signed_in()
    await create_two_factor(ada.user)
    before = (await TwoFactor.find_one({"user_id": ada.user.id})).recovery_code_hashes

    response = await renew(api, ada, "zzzzz-zzzzz")

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "two_factor_code_invalid"
    after = (await TwoFactor.find_one({"user_id": ada.user.id})).recovery_code_hashes
    assert after == before
