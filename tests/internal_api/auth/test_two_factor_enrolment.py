"""Enrolling in two-factor authentication while signed in: a secret shown while pending, a first
code turning it on with ten recovery codes, the secret never shown again."""

import base64
from urllib.parse import parse_qs, unquote, urlparse

import pyotp

from internal_api.auth.two_factor import codes
from internal_api.auth.two_factor.service import secret_box
from internal_api.settings import InternalApiSettings
from shared.models.account import Branding
from shared.models.two_factor import TwoFactor
from tests.factories import create_account, create_signed_in
from tests.internal_api.auth.factories import code_for, create_two_factor, wrong_code_for
from tests.internal_api.module_app import module_api, start_api

__all__ = ["module_api", "start_api"]


async def start(api, signed_in):
    return await api.post("/v1/auth/two-factor", headers=signed_in.headers)


async def confirm(api, signed_in, code: str):
    return await api.post(
        "/v1/auth/two-factor/confirm", json={"code": code}, headers=signed_in.headers
    )


async def test_starting_answers_a_secret_its_uri_under_the_brand_and_a_qr_code(api):
    account = await create_account(branding=Branding(name="Acme Marketing"))
    ada = await create_signed_in(account)

    response = await start(api, ada)

    assert response.status_code == 200
    body = response.json()
    uri = urlparse(body["otpauth_uri"])
    assert (uri.scheme, uri.netloc) == ("otpauth", "totp")
    assert unquote(uri.path) == f"/Acme Marketing:{ada.user.email}"
    assert parse_qs(uri.query)["secret"] == [body["secret"]]
    assert parse_qs(uri.query)["issuer"] == ["Acme Marketing"]
    svg = base64.b64decode(body["qr_code"].removeprefix("data:image/svg+xml;base64,"))
    assert svg.startswith(b"<svg")


async def test_without_a_brand_name_the_issuer_is_the_platforms_name(api):
    ada = await create_signed_in()

    response = await start(api, ada)

    issuer = parse_qs(urlparse(response.json()["otpauth_uri"]).query)["issuer"]
    assert issuer == [InternalApiSettings().platform_name]


async def test_the_secret_is_stored_sealed_and_pending(api):
    ada = await create_signed_in()

    secret = (await start(api, ada)).json()["secret"]

    stored = await TwoFactor.find_one({"user_id": ada.user.id})
    assert secret not in stored.sealed_secret
    assert secret_box(InternalApiSettings()).open(stored.sealed_secret) == secret
    assert stored.enabled_at is None


async def test_a_first_code_turns_it_on_and_answers_ten_recovery_codes_stored_hashed(api):
    ada = await create_signed_in()
    secret = (await start(api, ada)).json()["secret"]

    response = await confirm(api, ada, pyotp.TOTP(secret).now())

    assert response.status_code == 200
    recovery_codes = response.json()["recovery_codes"]
    assert len(set(recovery_codes)) == 10
    stored = await TwoFactor.find_one({"user_id": ada.user.id})
    assert stored.recovery_code_hashes == [codes.hash_recovery_code(c) for c in recovery_codes]
    status = (await api.get("/v1/auth/two-factor", headers=ada.headers)).json()
    assert (status["enabled"], status["recovery_codes_left"]) == (True, 10)


async def test_a_wrong_first_code_answers_401_and_leaves_it_off(api):
    ada = await create_signed_in()
    secret = (await start(api, ada)).json()["secret"]
    response = await confirm(api, ada, wrong_code_for(secret))

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "two_factor_code_invalid"
    assert (await TwoFactor.find_one({"user_id": ada.user.id})).enabled_at is None


async def test_starting_again_replaces_the_pending_secret(api):
    ada = await create_signed_in()
    first = (await start(api, ada)).json()["secret"]
    second = (await start(api, ada)).json()["secret"]

    stale = await confirm(api, ada, code_for(first))
    fresh = await confirm(api, ada, code_for(second))

    assert stale.status_code == 401
    assert fresh.status_code == 200


async def test_confirming_without_starting_answers_409(api):
    ada = await create_signed_in()

    response = await confirm(api, ada, "123456")

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "two_factor_enrolment_missing"


async def test_once_on_the_secret_is_never_shown_again(api):
    ada = await create_signed_in()
    await create_two_factor(ada.user)
    stored = await TwoFactor.find_one({"user_id": ada.user.id})

    again = await start(api, ada)
    status = await api.get("/v1/auth/two-factor", headers=ada.headers)

    assert again.status_code == 409
    assert again.json()["error"]["code"] == "two_factor_already_enabled"
    assert set(status.json()) == {"enabled", "enabled_at", "recovery_codes_left"}
    assert (await TwoFactor.find_one({"user_id": ada.user.id})).sealed_secret == (
        stored.sealed_secret
    )
