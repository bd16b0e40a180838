"""CORS per resource: allowed origins echoed on preflights and answers, others refused."""

import pytest

from internal_api.public.cors import normalized_origin
from tests.internal_api.public.conftest import ALLOWED_ORIGIN

PROBE = "/v1/forms/public/f1/probe"
STAMP = "/v1/forms/public/f1/stamp"


def preflight_headers(origin: str, method: str = "POST") -> dict[str, str]:
    return {
        "origin": origin,
        "access-control-request-method": method,
        "access-control-request-headers": "content-type, idempotency-key",
    }


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("https://Example.com", "https://example.com"),
        ("https://example.com/", "https://example.com"),
        ("https://example.com:443", "https://example.com"),
        ("http://example.com:8080", "http://example.com:8080"),
        ("https://bücher.example", "https://xn--bcher-kva.example"),
        ("http://[::1]:5000", "http://[::1]:5000"),
    ],
)
def test_an_allowed_origin_is_stored_as_browsers_send_it(given, stored):
    assert normalized_origin(given) == stored


@pytest.mark.parametrize(
    "given",
    [
        "example.com",
        "ftp://example.com",
        "https://example.com/form",
        "https://example.com?x=1",
        "https://user@example.com",
        "https://example.com:99999",
        "javascript:alert(1)",
    ],
)
def test_anything_but_a_bare_http_origin_is_refused(given):
    with pytest.raises(ValueError):
        normalized_origin(given)


async def test_a_preflight_from_an_allowed_origin_allows_the_post_and_its_headers(public_api):
    response = await public_api.options(PROBE, headers=preflight_headers(ALLOWED_ORIGIN))

    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert response.headers["access-control-allow-methods"] == "POST"
    allowed = {
        name.strip().lower() for name in response.headers["access-control-allow-headers"].split(",")
    }
    assert {"content-type", "idempotency-key"} <= allowed
    assert int(response.headers["access-control-max-age"]) > 0
    assert response.headers["vary"] == "Origin"


async def test_a_preflight_from_another_origin_answers_403_without_allowing_it(public_api):
    response = await public_api.options(PROBE, headers=preflight_headers("https://other.example"))

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "origin_not_allowed"
    assert "access-control-allow-origin" not in response.headers


async def test_the_answer_to_an_allowed_origin_carries_the_cors_headers(public_api):
    response = await public_api.post(PROBE, json={}, headers={"origin": ALLOWED_ORIGIN})

    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "Retry-After" in response.headers["access-control-expose-headers"]
    assert response.headers["vary"] == "Origin"


async def test_an_error_after_admission_is_readable_by_the_page(public_api):
    response = await public_api.post(PROBE, json={"fail": True}, headers={"origin": ALLOWED_ORIGIN})

    assert response.status_code == 422
    assert response.json()["error"]["details"][0]["field"] == "body.fields.email"
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN


async def test_a_request_from_another_origin_is_refused_before_anything_is_done(public_api):
    response = await public_api.post(PROBE, json={}, headers={"origin": "https://other.example"})

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "origin_not_allowed"
    assert "access-control-allow-origin" not in response.headers


async def test_a_request_without_an_origin_passes_without_cors_headers(public_api):
    response = await public_api.post(PROBE, json={})

    assert response.status_code == 200
    assert "access-control-allow-origin" not in response.headers
    assert response.headers["vary"] == "Origin"


async def test_an_empty_list_of_allowed_origins_allows_any_website(public_api):
    response = await public_api.get(STAMP, headers={"origin": "https://anywhere.example"})

    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == "https://anywhere.example"


async def test_a_private_route_gets_no_cors_headers(public_api):
    response = await public_api.get("/health", headers={"origin": ALLOWED_ORIGIN})

    assert "access-control-allow-origin" not in response.headers
    assert "vary" not in response.headers
