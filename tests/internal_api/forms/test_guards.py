"""A form's public routes guarded by the public layer with the form's own settings: its
allowed origins, rate limits, honeypot, minimum fill time and captcha; each refusal stores
nothing. The embed script drawn from its definition."""

import pytest

from internal_api.app import create_app
from internal_api.settings import InternalApiSettings
from shared.models.contact import Contact
from shared.models.form_submission import FormSubmission
from tests.factories import create_signed_in
from tests.internal_api.forms.bodies import build, old_stamp, public, sent
from tests.internal_api.public.conftest import NO_LIMITS, FakeProvider
from tests.internal_api.public.test_cors import preflight_headers

ADA = {"name": "Ada King", "email": "ada@example.com"}
SITE = "https://site.example"
TURNSTILE = {"provider": "turnstile", "site_key": "1x00000000000000000000AA", "secret": "2x-form"}


@pytest.fixture
async def owner(mongo):
    return await create_signed_in()


async def post(api, form, body, **headers):
    return await api.post(f"{public(form['id'])}/submissions", json=body, headers=headers)


async def nothing_stored() -> bool:
    return (await FormSubmission.count(), await Contact.count()) == (0, 0)


@pytest.mark.parametrize(("origin", "status"), [(SITE, 204), ("https://other.example", 403)])
async def test_a_preflight_is_answered_by_the_forms_allowed_origins(api, owner, origin, status):
    form = (await build(api, owner, allowed_origins=[SITE])).json()

    response = await api.options(
        f"{public(form['id'])}/submissions", headers=preflight_headers(origin)
    )

    assert response.status_code == status
    assert response.headers.get("access-control-allow-origin") == (SITE if status == 204 else None)


async def test_a_page_of_another_origin_cannot_submit(api, owner):
    form = (await build(api, owner, allowed_origins=[SITE])).json()

    response = await post(api, form, sent(ADA, form["id"]), origin="https://other.example")

    assert response.json()["error"]["code"] == "origin_not_allowed"
    assert await nothing_stored()


async def test_an_allowed_page_reads_the_answer_and_its_errors(api, owner):
    form = (await build(api, owner, allowed_origins=[SITE])).json()

    response = await post(api, form, sent({"name": "Ada"}, form["id"]), origin=SITE)

    assert (response.status_code, response.headers["access-control-allow-origin"]) == (422, SITE)


async def test_a_filled_honeypot_is_refused_as_spam(api, owner):
    form = (await build(api, owner)).json()

    response = await post(api, form, sent({**ADA, "_hp": "http://spam.example"}, form["id"]))

    assert (response.status_code, response.json()["error"]["code"]) == (400, "spam_suspected")
    assert await nothing_stored()


@pytest.mark.parametrize("stamp", ["", "fresh"])
async def test_a_form_sent_back_without_a_stamp_or_too_soon_is_refused_as_spam(api, owner, stamp):
    form = (await build(api, owner, min_fill_seconds=5)).json()
    render_stamp = old_stamp(form["id"], seconds_ago=1) if stamp else ""

    response = await post(api, form, {"fields": ADA, "render_stamp": render_stamp})

    assert response.json()["error"]["code"] == "spam_suspected"
    assert await nothing_stored()


async def test_a_form_without_a_minimum_fill_time_takes_a_plain_html_post(api, owner):
    form = (await build(api, owner, min_fill_seconds=0)).json()

    response = await api.post(
        f"{public(form['id'])}/submissions",
        content="name=Ada+King&email=ada%40example.com",
        headers={"content-type": "application/x-www-form-urlencoded"},
    )

    assert response.status_code == 201


async def test_the_forms_own_rate_limit_per_visitor_answers_429(api, owner):
    form = (await build(api, owner, rate_limit_per_ip_per_minute=1)).json()
    await post(api, form, sent(ADA, form["id"]))

    response = await post(api, form, sent({**ADA, "email": "b@example.com"}, form["id"]))

    assert (response.status_code, response.json()["error"]["code"]) == (429, "rate_limited")
    assert int(response.headers["retry-after"]) > 0
    assert await FormSubmission.count() == 1


@pytest.fixture
def provider() -> FakeProvider:
    return FakeProvider()


@pytest.fixture
async def captcha_api(client_for, mongo, provider):
    app = create_app(InternalApiSettings(**NO_LIMITS), captcha_transport=provider.transport)
    async with client_for(app) as client:
        yield client


async def test_the_captcha_is_verified_with_the_forms_own_secret(captcha_api, owner, provider):
    form = (await build(captcha_api, owner, captcha=TURNSTILE)).json()
    body = sent(ADA, form["id"], captcha_token="token-1")

    response = await post(captcha_api, form, body, **{"idempotency-key": "visit-1"})

    assert response.status_code == 201
    [(url, verified)] = provider.sent
    assert url == "https://challenges.cloudflare.com/turnstile/v0/siteverify"
    assert (verified["secret"], verified["response"], verified["idempotency_key"]) == (
        "2x-form",
        "token-1",
        "visit-1",
    )


async def test_a_captcha_the_provider_refuses_stores_nothing(captcha_api, owner, provider):
    provider.answer = {"success": False, "error-codes": ["timeout-or-duplicate"], "messages": []}
    form = (await build(captcha_api, owner, captcha=TURNSTILE)).json()

    response = await post(captcha_api, form, sent(ADA, form["id"], captcha_token="spent"))

    assert (response.status_code, response.json()["error"]["code"]) == (400, "captcha_failed")
    assert await nothing_stored()


async def test_the_embed_script_draws_the_form_without_its_secrets(api, owner):
    form = (await build(api, owner, captcha=TURNSTILE)).json()

    response = await api.get(f"{public(form['id'])}/embed.js")

    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/javascript")
    assert '"key":"email"' in response.text and TURNSTILE["site_key"] in response.text
    assert "2x-form" not in response.text and "emails" not in response.text


async def test_the_frame_page_may_be_framed_by_the_allowed_origins_only(api, owner):
    form = (await build(api, owner, allowed_origins=[SITE])).json()

    response = await api.get(f"{public(form['id'])}/frame")

    assert response.headers["content-security-policy"] == f"frame-ancestors {SITE}"
