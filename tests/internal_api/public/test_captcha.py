"""Captchas verified server-side, hCaptcha and Turnstile faked at the HTTP transport with the
answers their siteverify documentation gives."""

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager

import httpx
import pytest

from internal_api.public.captcha import (
    LOCAL_PASS_TOKEN,
    SITEVERIFY_URLS,
    CaptchaKeys,
    CaptchaProvider,
    Captchas,
)
from internal_api.public.errors import CaptchaFailed, CaptchaNotConfigured, CaptchaUnavailable
from tests.internal_api.public.conftest import probed_app

HCAPTCHA, TURNSTILE, LOCAL = (
    CaptchaProvider.HCAPTCHA,
    CaptchaProvider.TURNSTILE,
    CaptchaProvider.LOCAL,
)
KEYS = {
    HCAPTCHA: CaptchaKeys("10000000-ffff-ffff-ffff-000000000001", "0x" + "0" * 40),
    TURNSTILE: CaptchaKeys("1x00000000000000000000AA", "1x0000000000000000000000000000000AA"),
}
VISITOR = "203.0.113.7"
SUBMISSION_ID = "0b7e2c1e-52b8-4f1e-9d5a-6a1c9f3c2b10"
# What each provider answers a wrong token, as documented.
REFUSALS = {
    HCAPTCHA: {"success": False, "error-codes": ["invalid-or-already-seen-response"]},
    TURNSTILE: {"success": False, "error-codes": ["timeout-or-duplicate"], "messages": []},
}


@pytest.fixture
def captchas_with(provider) -> Callable:
    @asynccontextmanager
    async def make(local_allowed: bool = True, keys=KEYS) -> AsyncIterator[Captchas]:
        async with httpx.AsyncClient(transport=provider.transport) as client:
            yield Captchas(client, keys, local_allowed)

    return make


async def test_hcaptcha_is_sent_the_secret_token_address_and_site_key(captchas_with, provider):
    async with captchas_with() as captchas:
        await captchas.verify(HCAPTCHA, "token-1", remote_ip=VISITOR, idempotency_key=SUBMISSION_ID)

    assert provider.sent == [
        (
            "https://api.hcaptcha.com/siteverify",
            {
                "secret": KEYS[HCAPTCHA].secret,
                "response": "token-1",
                "remoteip": VISITOR,
                "sitekey": KEYS[HCAPTCHA].site_key,
            },
        )
    ]


async def test_turnstile_is_sent_the_secret_token_address_and_idempotency_key(
    captchas_with, provider
):
    provider.answer = {"success": True, "error-codes": [], "hostname": "example.com"}
    async with captchas_with() as captchas:
        await captchas.verify(
            TURNSTILE, "token-1", remote_ip=VISITOR, idempotency_key=SUBMISSION_ID
        )

    assert provider.sent == [
        (
            "https://challenges.cloudflare.com/turnstile/v0/siteverify",
            {
                "secret": KEYS[TURNSTILE].secret,
                "response": "token-1",
                "remoteip": VISITOR,
                "idempotency_key": SUBMISSION_ID,
            },
        )
    ]


@pytest.mark.parametrize("name", [HCAPTCHA, TURNSTILE])
async def test_a_refused_token_fails_with_the_providers_error_codes(captchas_with, provider, name):
    provider.answer = REFUSALS[name]
    async with captchas_with() as captchas:
        with pytest.raises(CaptchaFailed) as refused:
            await captchas.verify(name, "spent-token", remote_ip=VISITOR)

    assert refused.value.code == "captcha_failed"
    assert refused.value.status_code == 400
    assert refused.value.details[0]["error_codes"] == REFUSALS[name]["error-codes"]


@pytest.mark.parametrize("name", [HCAPTCHA, TURNSTILE])
async def test_an_unreachable_provider_is_unavailable_not_a_pass(captchas_with, provider, name):
    provider.failure = httpx.ConnectError("no route to host")
    async with captchas_with() as captchas:
        with pytest.raises(CaptchaUnavailable) as refused:
            await captchas.verify(name, "token-1", remote_ip=VISITOR)

    assert (refused.value.status_code, refused.value.code) == (503, "captcha_unavailable")


@pytest.mark.parametrize("name", [HCAPTCHA, TURNSTILE])
async def test_a_slow_provider_is_unavailable(captchas_with, provider, name):
    provider.failure = httpx.ReadTimeout("siteverify was silent")
    async with captchas_with() as captchas:
        with pytest.raises(CaptchaUnavailable):
            await captchas.verify(name, "token-1", remote_ip=VISITOR)


@pytest.mark.parametrize("name", [HCAPTCHA, TURNSTILE])
async def test_a_failing_provider_is_unavailable(captchas_with, provider, name):
    provider.status, provider.answer = 500, {"success": True}
    async with captchas_with() as captchas:
        with pytest.raises(CaptchaUnavailable):
            await captchas.verify(name, "token-1", remote_ip=VISITOR)


async def test_an_answer_that_is_not_siteverifys_is_unavailable(captchas_with, provider):
    provider.answer = {"status": "ok"}
    async with captchas_with() as captchas:
        with pytest.raises(CaptchaUnavailable):
            await captchas.verify(TURNSTILE, "token-1", remote_ip=VISITOR)


@pytest.mark.parametrize("code", ["invalid-input-secret", "sitekey-secret-mismatch"])
async def test_our_keys_refused_are_unavailable_not_the_visitors_failure(
    captchas_with, provider, code
):
    provider.answer = {"success": False, "error-codes": [code]}
    async with captchas_with() as captchas:
        with pytest.raises(CaptchaUnavailable):
            await captchas.verify(HCAPTCHA, "token-1", remote_ip=VISITOR)


async def test_a_missing_token_fails_without_asking_the_provider(captchas_with, provider):
    async with captchas_with() as captchas:
        with pytest.raises(CaptchaFailed) as refused:
            await captchas.verify(TURNSTILE, "", remote_ip=VISITOR)

    assert refused.value.details[0]["error_codes"] == ["missing-input-response"]
    assert provider.sent == []


async def test_a_provider_without_keys_is_not_configured(captchas_with, provider):
    async with captchas_with(keys={}) as captchas:
        with pytest.raises(CaptchaNotConfigured):
            await captchas.verify(HCAPTCHA, "token-1", remote_ip=VISITOR)

    assert provider.sent == []


async def test_the_local_stand_in_takes_its_documented_token_without_a_call(
    captchas_with, provider
):
    async with captchas_with(local_allowed=True) as captchas:
        await captchas.verify(LOCAL, LOCAL_PASS_TOKEN, remote_ip=VISITOR)

    assert provider.sent == []


async def test_the_local_stand_in_refuses_any_other_token(captchas_with):
    async with captchas_with(local_allowed=True) as captchas:
        with pytest.raises(CaptchaFailed):
            await captchas.verify(LOCAL, "anything", remote_ip=VISITOR)


async def test_the_local_stand_in_is_refused_outside_embedded_mode(captchas_with):
    async with captchas_with(local_allowed=False) as captchas:
        with pytest.raises(CaptchaNotConfigured):
            await captchas.verify(LOCAL, LOCAL_PASS_TOKEN, remote_ip=VISITOR)
        assert LOCAL not in captchas.offered()


async def test_the_apps_captchas_are_those_with_a_secret_over_the_given_transport(
    client_for, mongo, provider
):
    app = probed_app(provider.transport, turnstile_site_key="site", turnstile_secret="secret")
    async with client_for(app):
        captchas: Captchas = app.state.captchas
        await captchas.verify(TURNSTILE, "token-1", remote_ip=VISITOR)

        assert captchas.offered() == {TURNSTILE, LOCAL}
        assert captchas.site_key(TURNSTILE) == "site"
    assert provider.sent[0][0] == SITEVERIFY_URLS[TURNSTILE]
