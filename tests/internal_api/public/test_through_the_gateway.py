"""A public route through gateway -> router -> internal_api on real ports, without a session:
CORS preflights pass the router (its public prefix takes any method) and nothing on the way
answers them first."""

from collections.abc import AsyncIterator

import httpx
import pytest

from tests.fixtures import dashboard_chain
from tests.internal_api.public.conftest import ALLOWED_ORIGIN, probed_app
from tests.internal_api.public.test_cors import preflight_headers


@pytest.fixture(scope="module")
async def gateway() -> AsyncIterator[httpx.AsyncClient]:
    async with dashboard_chain(probed_app()) as client:
        yield client


async def test_a_preflight_from_an_allowed_origin_passes_through_the_gateway(gateway, mongo):
    response = await gateway.options(
        "/v1/forms/public/f1/probe", headers=preflight_headers(ALLOWED_ORIGIN)
    )

    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == ALLOWED_ORIGIN
    assert "idempotency-key" in response.headers["access-control-allow-headers"].lower()


async def test_a_preflight_from_a_refused_origin_answers_403_through_the_gateway(gateway, mongo):
    response = await gateway.options(
        "/v1/forms/public/f1/probe", headers=preflight_headers("https://other.example")
    )

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "origin_not_allowed"
    assert "access-control-allow-origin" not in response.headers


async def test_a_render_stamp_is_fetched_without_a_session_from_any_website(gateway, mongo):
    response = await gateway.get(
        "/v1/forms/public/f1/stamp", headers={"origin": "https://anywhere.example"}
    )

    assert response.status_code == 200
    assert response.json()["stamp"]
    assert response.headers["access-control-allow-origin"] == "https://anywhere.example"
    assert response.headers["cache-control"] == "no-store"
